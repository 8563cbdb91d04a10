package io.ferry.migrator.assess;

import io.ferry.common.TableId;
import io.ferry.migrator.precheck.Precheck;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The migration assessment ({@code precheck --assess}): items that look at what the selected objects use and
 * the destination may lack or treat differently. They run after the precheck's items and report the same way.
 */
public final class Assessment {

    private Assessment() {
    }

    /** The assessment's items, in report order. */
    public static List<PrecheckItem> items() {
        return List.of(new KeyLengthAssessment(), new EngineAssessment(), new PartitionAssessment(),
                new SpecialIndexAssessment(), new GeneratedColumnAssessment(), new OutsideReferenceAssessment());
    }

    /** The precheck's items followed by the assessment's. */
    public static List<PrecheckItem> withPrecheck() {
        List<PrecheckItem> items = new ArrayList<>(Precheck.standardItems());
        items.addAll(items());
        return items;
    }

    /** Rows of {@code sql} on the source (columns 1 and 2: schema and table) that belong to selected tables. */
    static List<List<String>> selectedRows(PrecheckContext context, String sql) throws SQLException {
        Set<TableId> selected = new HashSet<>(context.sourceTables());
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : PrecheckContext.rows(context.source(), sql)) {
            if (selected.contains(new TableId(row.get(0), row.get(1)))) {
                rows.add(row);
            }
        }
        return rows;
    }
}
