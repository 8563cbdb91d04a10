package io.ferry.sink;

import io.ferry.common.ColumnFilter;
import io.ferry.common.TableId;
import io.ferry.common.mapping.CasePolicy;
import io.ferry.common.mapping.NameMapping;
import java.util.List;

/**
 * Maps source names to destination names: the shared {@link NameMapping} (renames and case policy) plus the
 * sink's column exclusions. The one place the sink asks "where does this go".
 */
public final class TableRouter {

    private final NameMapping mapping;
    private final ColumnFilter excluded;

    public TableRouter(NameMapping mapping, ColumnFilter excluded) {
        this.mapping = mapping;
        this.excluded = excluded;
    }

    public static TableRouter of(MySqlSinkConfig config) {
        return new TableRouter(parseMapping(config.mappingRules(), config.mappingCase()),
                new ColumnFilter(config.columnExclude()));
    }

    static NameMapping parseMapping(List<String> rules, String casePolicy) {
        return NameMapping.parse(rules, CasePolicy.parse(casePolicy));
    }

    public NameMapping mapping() {
        return mapping;
    }

    public TableId destination(TableId source) {
        return mapping.table(source);
    }

    /** The destination column of a source column, or null when the column is excluded. */
    public String column(TableId source, String sourceColumn) {
        return excluded.excludes(source, sourceColumn) ? null : mapping.column(source, sourceColumn);
    }
}
