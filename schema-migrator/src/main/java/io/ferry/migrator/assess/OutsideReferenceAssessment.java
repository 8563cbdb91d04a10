package io.ferry.migrator.assess;

import io.ferry.common.TableFilter;
import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Views, routines and triggers of the selected databases that name tables outside the selection: they are
 * copied, but fail when used in the destination (a view may even fail to create).
 */
final class OutsideReferenceAssessment implements PrecheckItem {

    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES";
    /** Kind, database, name, body; a body is NULL where the account may not read it. */
    private static final String OBJECTS = "SELECT 'View', TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM"
            + " information_schema.VIEWS UNION ALL SELECT ROUTINE_TYPE, ROUTINE_SCHEMA, ROUTINE_NAME,"
            + " ROUTINE_DEFINITION FROM information_schema.ROUTINES UNION ALL SELECT 'Trigger', TRIGGER_SCHEMA,"
            + " TRIGGER_NAME, ACTION_STATEMENT FROM information_schema.TRIGGERS";

    @Override
    public String name() {
        return "outside-references";
    }

    @Override
    public String title() {
        return "Views, routines and triggers naming tables outside the selection";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        TableFilter filter = context.settings().tableFilter();
        List<TableId> outside = new ArrayList<>();
        for (List<String> row : PrecheckContext.rows(context.source(), TABLES)) {
            TableId table = new TableId(row.get(0), row.get(1));
            if (!filter.includes(table) && !TableFilter.SYSTEM_DATABASES.contains(
                    table.database().toLowerCase(Locale.ROOT))) {
                outside.add(table);
            }
        }
        List<Finding> findings = new ArrayList<>();
        int objects = 0;
        for (List<String> row : PrecheckContext.rows(context.source(), OBJECTS)) {
            if (!filter.includesDatabase(row.get(1))) {
                continue;
            }
            objects++;
            String object = row.get(0) + " " + row.get(1) + "." + row.get(2);
            if (row.get(3) == null) {
                findings.add(Finding.warning(object, object + ": its definition cannot be read, so its references"
                        + " are unchecked", "Grant the source account SHOW VIEW and SELECT on mysql.proc (MariaDB) or"
                        + " SHOW_ROUTINE (MySQL 8)"));
                continue;
            }
            List<TableId> named = ObjectReferences.in(row.get(3), row.get(1), outside);
            if (!named.isEmpty()) {
                findings.add(Finding.warning(object, object + " names " + named + ", outside the selection: it will"
                        + " fail in the destination", "Add those tables to the selection, or leave the object out"
                        + " and recreate it in the destination"));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass("references", objects + " view(s), routine(s) and trigger(s) checked: none"
                    + " names a table outside the selection"));
        }
        return findings;
    }
}
