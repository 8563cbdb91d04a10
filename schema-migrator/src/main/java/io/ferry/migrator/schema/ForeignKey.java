package io.ferry.migrator.schema;

import io.ferry.common.TableId;
import java.util.List;
import java.util.Locale;

/**
 * One foreign key of a source table as {@code SHOW CREATE TABLE} prints it, e.g.
 * {@code CONSTRAINT `fk` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE}.
 *
 * @param table      the source table that has the key
 * @param name       the constraint name
 * @param definition the element as printed, without the trailing comma
 * @param columns    the key's own columns
 * @param referenced the parent table (an unqualified name is in {@code table}'s database)
 */
record ForeignKey(TableId table, String name, String definition, List<String> columns, TableId referenced) {

    ForeignKey {
        columns = List.copyOf(columns);
    }

    /** Whether a printed table element is a foreign key. */
    static boolean isForeignKey(String element) {
        String upper = element.toUpperCase(Locale.ROOT);
        int foreign = upper.indexOf("FOREIGN KEY");
        int paren = upper.indexOf('(');
        return foreign >= 0 && (paren < 0 || foreign < paren)
                && (upper.startsWith("CONSTRAINT") || upper.startsWith("FOREIGN KEY"));
    }

    /** Reads a printed foreign key element of {@code table}. */
    static ForeignKey parse(TableId table, String element) {
        String upper = element.toUpperCase(Locale.ROOT);
        int foreign = upper.indexOf("FOREIGN KEY");
        int references = upper.indexOf("REFERENCES", foreign);
        if (foreign < 0 || references < 0) {
            throw new IllegalArgumentException("Not a foreign key: " + element);
        }
        List<String> before = QuotedNames.in(element.substring(0, foreign));
        String name = before.isEmpty() ? "" : before.get(0);
        List<String> columns = QuotedNames.in(element.substring(foreign, references));
        List<QuotedNames.Name> after = QuotedNames.positions(element.substring(references));
        String rest = element.substring(references);
        // REFERENCES `t` (...) or REFERENCES `db`.`t` (...): a dot right after the first name means a database.
        TableId parent;
        if (after.size() >= 2 && rest.substring(after.get(0).end()).stripLeading().startsWith(".")) {
            parent = new TableId(after.get(0).text(), after.get(1).text());
        } else if (!after.isEmpty()) {
            parent = new TableId(table.database(), after.get(0).text());
        } else {
            throw new IllegalArgumentException("No referenced table in: " + element);
        }
        return new ForeignKey(table, name, element, columns, parent);
    }

    /** The statement that adds the key to the source-named table, qualified so that it runs anywhere. */
    String addStatement() {
        return "ALTER TABLE " + table.quoted() + " ADD " + definition;
    }

    /** {@code db.table.constraint}, for reports. */
    String displayName() {
        return table + "." + name;
    }
}
