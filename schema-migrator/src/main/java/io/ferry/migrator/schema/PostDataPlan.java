package io.ferry.migrator.schema;

import io.ferry.common.TableId;
import io.ferry.common.mapping.NameMapping;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects created at cutover, once the data has caught up: foreign keys (ALTER TABLE ... ADD CONSTRAINT) and
 * triggers. Applied earlier, a foreign key would reject rows that a chunked copy writes child-first, and a
 * trigger would fire a second time for changes replication already brings.
 */
final class PostDataPlan {

    private final SourceSchema source;
    private final MigratorSettings settings;
    private final NameMapping mapping;
    private final Renaming renaming;

    PostDataPlan(SourceSchema source, MigratorSettings settings) {
        this.source = source;
        this.settings = settings;
        this.mapping = settings.mapping();
        this.renaming = new Renaming(mapping);
    }

    List<SchemaObject> objects() throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        for (TableId table : source.tables()) {
            objects.addAll(foreignKeys(table));
        }
        for (Map.Entry<SourceSchema.NamedObject, TableId> trigger : source.triggers().entrySet()) {
            objects.add(trigger(trigger.getKey(), trigger.getValue()));
        }
        return objects;
    }

    private List<SchemaObject> foreignKeys(TableId table) {
        TableId target = mapping.table(table);
        List<ForeignKey> keys;
        try {
            keys = CreateTableText.parse(table, source.showCreateTable(table)).foreignKeys();
        } catch (SQLException | RuntimeException e) {
            return List.of(SchemaObject.failed(ObjectKind.FOREIGN_KEY, target.database(), target.table(), null,
                    "cannot read the foreign keys of " + table + ": " + e.getMessage()));
        }
        List<SchemaObject> objects = new ArrayList<>();
        for (ForeignKey key : keys) {
            objects.add(foreignKey(key, target));
        }
        return objects;
    }

    private SchemaObject foreignKey(ForeignKey key, TableId target) {
        if (!source.tables().contains(key.referenced())) {
            return SchemaObject.skipped(ObjectKind.FOREIGN_KEY, target.database(), target.table(), key.name(),
                    List.of(), "references " + key.referenced() + ", which is not migrated");
        }
        List<String> excluded = key.columns().stream()
                .filter(c -> settings.columnFilter().excludes(key.table(), c)).toList();
        if (!excluded.isEmpty()) {
            return SchemaObject.skipped(ObjectKind.FOREIGN_KEY, target.database(), target.table(), key.name(),
                    List.of(), "uses column(s) " + String.join(", ", excluded) + " left out by column.exclude");
        }
        try {
            Renaming.Renamed renamed = renaming.rename(key.addStatement(), key.table().database());
            return SchemaObject.create(ObjectKind.FOREIGN_KEY, target.database(), target.table(), key.name(),
                    List.of(renamed.statement()), null, "", renamed.note());
        } catch (RuntimeException e) {
            return SchemaObject.failed(ObjectKind.FOREIGN_KEY, target.database(), target.table(), key.name(),
                    "cannot copy " + key.displayName() + ": " + e.getMessage());
        }
    }

    private SchemaObject trigger(SourceSchema.NamedObject trigger, TableId table) {
        // A trigger lives in its table's database; it follows the table if a rule moves that.
        String db = mapping.table(table).database();
        try {
            SourceSchema.Definition definition = source.showCreate(trigger);
            Renaming.Renamed renamed = renaming.rename(DefinerClause.trigger(definition.statement()),
                    trigger.database());
            return SchemaObject.create(ObjectKind.TRIGGER, db, null, trigger.name(), List.of(renamed.statement()),
                    definition.sqlMode(), SchemaObject.normalize(ObjectKind.TRIGGER, renamed.statement()),
                    renamed.note());
        } catch (SQLException | RuntimeException e) {
            return SchemaObject.failed(ObjectKind.TRIGGER, db, null, trigger.name(), "cannot copy "
                    + trigger.database() + "." + trigger.name() + ": " + e.getMessage());
        }
    }
}
