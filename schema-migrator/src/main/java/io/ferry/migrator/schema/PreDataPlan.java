package io.ferry.migrator.schema;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import io.ferry.common.mapping.NameMapping;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects created before the data: databases, tables without foreign keys and excluded columns,
 * procedures and functions, views in dependency order, and (with {@code schema.events=true}) events. Routines
 * come before views because a view may call a function; a routine's body is only resolved when it runs.
 */
final class PreDataPlan {

    private final SourceSchema source;
    private final MigratorSettings settings;
    private final NameMapping mapping;
    private final Renaming renaming;

    PreDataPlan(SourceSchema source, MigratorSettings settings) {
        this.source = source;
        this.settings = settings;
        this.mapping = settings.mapping();
        this.renaming = new Renaming(mapping);
    }

    List<SchemaObject> objects() throws SQLException {
        List<SchemaObject> objects = new ArrayList<>(databases());
        for (TableId table : source.tables()) {
            objects.add(table(table));
        }
        for (SourceSchema.NamedObject routine : source.routines()) {
            objects.add(routine(routine));
        }
        objects.addAll(views());
        if (settings.schemaEvents()) {
            for (SourceSchema.NamedObject event : source.events()) {
                objects.add(event(event));
            }
        }
        return objects;
    }

    /** Each destination database once: the mapped selected databases and the targets of table rules. */
    private List<SchemaObject> databases() {
        Map<String, SourceSchema.DatabaseDefaults> targets = new TreeMap<>();
        source.databases().forEach((db, defaults) -> targets.putIfAbsent(mapping.database(db), defaults));
        for (TableId table : source.tables()) {
            targets.putIfAbsent(mapping.table(table).database(), source.databases().get(table.database()));
        }
        List<SchemaObject> objects = new ArrayList<>();
        targets.forEach((db, defaults) -> {
            String ddl = "CREATE DATABASE " + Identifiers.quote(db);
            if (defaults != null && defaults.charset() != null) {
                ddl += " DEFAULT CHARACTER SET " + defaults.charset() + " COLLATE " + defaults.collation();
            }
            objects.add(SchemaObject.create(ObjectKind.DATABASE, db, null, null, List.of(ddl), null, "", ""));
        });
        return objects;
    }

    private SchemaObject table(TableId table) {
        TableId target = mapping.table(table);
        try {
            CreateTableText text = CreateTableText.parse(table, source.showCreateTable(table));
            Set<String> excluded = new LinkedHashSet<>();
            List<String> kept = new ArrayList<>();
            for (String column : text.columnNames()) {
                if (settings.columnFilter().excludes(table, column)) {
                    excluded.add(column);
                } else {
                    kept.add(mapping.column(table, column));
                }
            }
            String ddl = text.withoutForeignKeys().withoutColumns(excluded).text();
            Renaming.Renamed renamed = renaming.rename(ddl, table.database());
            String note = excluded.isEmpty() ? renamed.note()
                    : join("column(s) " + String.join(", ", excluded) + " left out (column.exclude)", renamed.note());
            return SchemaObject.create(ObjectKind.TABLE, target.database(), null, target.table(),
                    List.of(renamed.statement()), null, DestinationSchema.columns(kept), note);
        } catch (ExcludedColumnInUseException e) {
            return SchemaObject.failed(ObjectKind.TABLE, target.database(), null, target.table(), e.getMessage());
        } catch (SQLException | RuntimeException e) {
            return SchemaObject.failed(ObjectKind.TABLE, target.database(), null, target.table(),
                    "cannot copy " + table + ": " + e.getMessage());
        }
    }

    private SchemaObject routine(SourceSchema.NamedObject routine) {
        String db = mapping.database(routine.database());
        try {
            SourceSchema.Definition definition = source.showCreate(routine);
            Renaming.Renamed renamed = renaming.rename(DefinerClause.routine(definition.statement()),
                    routine.database());
            return SchemaObject.create(routine.kind(), db, null, routine.name(), List.of(renamed.statement()),
                    definition.sqlMode(), SchemaObject.normalize(routine.kind(), renamed.statement()), renamed.note());
        } catch (SQLException | RuntimeException e) {
            return SchemaObject.failed(routine.kind(), db, null, routine.name(), "cannot copy "
                    + routine.database() + "." + routine.name() + ": " + e.getMessage());
        }
    }

    private List<SchemaObject> views() throws SQLException {
        Map<TableId, String> definitions = new LinkedHashMap<>();
        List<SchemaObject> objects = new ArrayList<>();
        for (TableId view : source.views()) {
            try {
                definitions.put(view, source.showCreateView(view));
            } catch (SQLException e) {
                TableId target = mapping.table(view);
                objects.add(SchemaObject.failed(ObjectKind.VIEW, target.database(), null, target.table(),
                        "cannot read " + view + ": " + e.getMessage()));
            }
        }
        for (TableId view : ViewOrder.sort(definitions)) {
            TableId target = mapping.table(view);
            try {
                Renaming.Renamed renamed = renaming.rename(DefinerClause.view(definitions.get(view)), view.database());
                objects.add(SchemaObject.create(ObjectKind.VIEW, target.database(), null, target.table(),
                        List.of(renamed.statement()), null, SchemaObject.normalize(ObjectKind.VIEW,
                                renamed.statement()), renamed.note()));
            } catch (RuntimeException e) {
                objects.add(SchemaObject.failed(ObjectKind.VIEW, target.database(), null, target.table(),
                        "cannot copy " + view + ": " + e.getMessage()));
            }
        }
        return objects;
    }

    private SchemaObject event(SourceSchema.NamedObject event) {
        String db = mapping.database(event.database());
        try {
            SourceSchema.Definition definition = source.showCreate(event);
            Renaming.Renamed renamed = renaming.rename(DefinerClause.disabledEvent(definition.statement()),
                    event.database());
            return SchemaObject.create(ObjectKind.EVENT, db, null, event.name(), List.of(renamed.statement()),
                    definition.sqlMode(), SchemaObject.normalize(ObjectKind.EVENT, renamed.statement()),
                    join("created DISABLED: enable it at cutover (ALTER EVENT ... ENABLE)", renamed.note()));
        } catch (SQLException | RuntimeException e) {
            return SchemaObject.failed(ObjectKind.EVENT, db, null, event.name(), "cannot copy "
                    + event.database() + "." + event.name() + ": " + e.getMessage());
        }
    }

    static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
    }
}
