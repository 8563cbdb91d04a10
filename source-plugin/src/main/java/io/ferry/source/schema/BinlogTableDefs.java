package io.ferry.source.schema;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import io.ferry.common.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table definitions read from binlog TABLE_MAP events, so that streaming needs no information_schema lookups.
 * For the same table they equal {@link TableDefReader}'s, with two limits of the binlog metadata: the key is
 * the primary key only ({@link KeyKind#NONE} without one), MariaDB's JSON columns look like LONGTEXT, and there
 * are no column defaults or comments, nor a table comment: those come from the table's definition in
 * information_schema ({@code known}).
 */
public final class BinlogTableDefs {

    private BinlogTableDefs() {
    }

    /**
     * The definition of the table a TABLE_MAP event describes.
     *
     * @param known the table's previous definition (from the snapshot or an earlier table map), or null. MariaDB
     *              stores JSON as LONGTEXT with a check constraint the binlog does not carry, so a LONGTEXT
     *              column that {@code known} has as JSON stays JSON. Each column takes its DEFAULT and COMMENT
     *              from the column of the same name in {@code known}.
     */
    public static TableDef fromTableMap(TableMapEventData event, TableDef known) {
        TableMapEventMetadata metadata = event.getEventMetadata();
        List<ColumnType> types = ColumnTypes.fromTableMap(event);
        List<String> names = metadata.getColumnNames();
        List<ColumnDef> columns = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            String name = names.get(i);
            ColumnType type = types.get(i);
            if (type.dataType().equals("longtext") && known != null && isJson(known.column(name))) {
                type = ColumnTypes.asMariaDbJson(type);
            }
            Optional<ColumnDef> knownColumn = known == null ? Optional.empty() : known.column(name);
            columns.add(new ColumnDef(name, type, event.getColumnNullability().get(i),
                    knownColumn.map(ColumnDef::defaultValue).orElse(ColumnDefault.NONE),
                    knownColumn.map(ColumnDef::comment).orElse(null)));
        }
        List<String> key = new ArrayList<>();
        if (metadata.getSimplePrimaryKeys() != null) {
            metadata.getSimplePrimaryKeys().forEach(index -> key.add(names.get(index)));
        } else if (metadata.getPrimaryKeysWithPrefix() != null) {
            for (Map.Entry<Integer, Integer> part : metadata.getPrimaryKeysWithPrefix().entrySet()) {
                key.add(names.get(part.getKey()));
            }
        }
        TableId id = new TableId(event.getDatabase(), event.getTable());
        return new TableDef(id, columns, key, key.isEmpty() ? KeyKind.NONE : KeyKind.PRIMARY,
                known == null ? null : known.comment());
    }

    private static boolean isJson(Optional<ColumnDef> column) {
        return column.map(c -> c.type().dataType().equals("json")).orElse(false);
    }
}
