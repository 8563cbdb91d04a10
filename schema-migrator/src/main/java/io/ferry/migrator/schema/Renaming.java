package io.ferry.migrator.schema;

import io.ferry.common.ddl.DdlRenamer;
import io.ferry.common.ddl.DdlRewrite;
import io.ferry.common.mapping.NameMapping;
import java.util.List;

/**
 * Source DDL under destination names, through the same {@link NameMapping} the connectors use. The result keeps
 * the column names the renamer could not attribute to a table, which the report passes on to the operator.
 */
final class Renaming {

    /** A renamed statement and a note for the report (empty when every name was resolved). */
    record Renamed(String statement, String note) {
    }

    private final DdlRenamer renamer;

    Renaming(NameMapping mapping) {
        this.renamer = new DdlRenamer(mapping);
    }

    /**
     * {@code statement} with its names mapped; unqualified names are in {@code sourceDatabase}. Throws
     * {@link io.ferry.common.ddl.DdlRewriteException} when the grammar cannot parse it.
     */
    Renamed rename(String statement, String sourceDatabase) {
        DdlRewrite rewrite = renamer.rewrite(statement, sourceDatabase);
        return new Renamed(rewrite.statement(), note(rewrite.unresolvedColumns()));
    }

    private static String note(List<String> unresolved) {
        return unresolved.isEmpty() ? "" : "column name(s) " + String.join(", ", unresolved) + " left as written: the"
                + " statement does not say which table they belong to; check them if a rule renames them";
    }
}
