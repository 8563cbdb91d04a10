package io.ferry.source.schema;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.ferry.common.ColumnFilter;
import io.ferry.common.TableId;
import io.ferry.source.event.RowCodec;
import io.ferry.source.event.RowCodecs;
import io.ferry.source.schema.convert.FieldNameAdjustment;
import io.ferry.source.schema.convert.RowSchema;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * {@link RowCodecs} on top of {@link RowSchema}. Codecs are cached: per table for the snapshot, per table
 * map for the stream (a table map is re-sent before every row event, and only changes with DDL).
 *
 * <p>The binlog knows only a table's primary key, and MariaDB's binlog shows JSON as LONGTEXT. Where
 * {@code information_schema} knows better (a unique NOT NULL key standing in for a missing primary key, a
 * JSON column, the column defaults and comments and the table comment, which table maps lack), its definition is
 * used as a hint, so that a table's streamed events have the same key and schema as its snapshot events. It is read
 * when a table's layout is new: its first table map, a table map that differs, and the first table map after a DDL
 * on the table.
 */
public final class ConnectRowCodecs implements RowCodecs {

    private final String topicPrefix;
    private final FieldNameAdjustment fieldNames;
    private final ColumnFilter excluded;
    private final ColumnDefaultsMode defaults;
    private final boolean comments;
    private final TimePrecisionMode timePrecision;
    private final Function<TableId, Optional<TableDef>> catalog;
    private final Map<TableId, Codec> byTable = new HashMap<>();
    private final Map<TableId, CachedMap> byTableMap = new HashMap<>();

    private record CachedMap(TableMapEventData map, Codec codec) {
    }

    /**
     * @param defaults which column defaults the field schemas carry
     * @param comments whether the field schemas carry the column comments, and the row struct the table comment,
     *                 as their doc
     * @param timePrecision how DATE, DATETIME and TIME columns become fields
     * @param catalog the table's definition from information_schema, consulted once per new table layout
     */
    public ConnectRowCodecs(String topicPrefix, FieldNameAdjustment fieldNames, ColumnFilter excluded,
                            ColumnDefaultsMode defaults, boolean comments, TimePrecisionMode timePrecision,
                            Function<TableId, Optional<TableDef>> catalog) {
        this.topicPrefix = topicPrefix;
        this.fieldNames = fieldNames;
        this.excluded = excluded;
        this.defaults = defaults;
        this.comments = comments;
        this.timePrecision = timePrecision;
        this.catalog = catalog;
    }

    @Override
    public RowCodec forTable(TableDef table) {
        return byTable.computeIfAbsent(table.id(), id -> codec(table));
    }

    @Override
    public RowCodec forTableMap(TableMapEventData tableMap) {
        TableId id = new TableId(tableMap.getDatabase(), tableMap.getTable());
        CachedMap cached = byTableMap.get(id);
        if (cached != null && sameLayout(cached.map(), tableMap)) {
            return cached.codec();
        }
        Optional<TableDef> known = catalog.apply(id);
        TableDef fromBinlog = BinlogTableDefs.fromTableMap(tableMap, known.orElse(null));
        Codec codec = codec(withKnownKey(fromBinlog, known));
        byTableMap.put(id, new CachedMap(tableMap, codec));
        return codec;
    }

    @Override
    public void tableChanged(TableId table) {
        byTableMap.remove(table);
    }

    /** The codec of {@code table} without its excluded columns (which the binlog rows still carry). */
    private Codec codec(TableDef table) {
        List<ColumnDef> kept = new ArrayList<>();
        int[] keptPositions = new int[table.columns().size()];
        int count = 0;
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDef full = defaults.apply(table.columns().get(i));
            ColumnDef column = comments ? full : full.withComment(null);
            if (!excluded.excludes(table.id(), column.name())) {
                kept.add(column);
                keptPositions[count++] = i;
            } else if (table.keyColumns().stream().anyMatch(k -> k.equalsIgnoreCase(column.name()))) {
                throw new ConnectException("column.exclude matches " + table.id() + "." + column.name()
                        + ", a key column: events need their key. Narrow the pattern.");
            }
        }
        TableDef projected = new TableDef(table.id(), kept, table.keyColumns(), table.keyKind(),
                comments ? table.comment() : null);
        return new Codec(RowSchema.of(projected, topicPrefix, fieldNames, timePrecision),
                count == table.columns().size() ? null : Arrays.copyOf(keptPositions, count));
    }

    /** A unique NOT NULL key from information_schema stands in for the primary key the binlog lacks. */
    static TableDef withKnownKey(TableDef fromBinlog, Optional<TableDef> known) {
        if (fromBinlog.keyKind() != KeyKind.NONE || known.isEmpty()
                || known.get().keyKind() != KeyKind.UNIQUE_NOT_NULL
                || !known.get().keyColumns().stream().allMatch(k -> fromBinlog.column(k).isPresent())) {
            return fromBinlog;
        }
        return new TableDef(fromBinlog.id(), fromBinlog.columns(), known.get().keyColumns(), KeyKind.UNIQUE_NOT_NULL,
                fromBinlog.comment());
    }

    private static boolean sameLayout(TableMapEventData a, TableMapEventData b) {
        return a.getTableId() == b.getTableId() && Arrays.equals(a.getColumnTypes(), b.getColumnTypes())
                && Arrays.equals(a.getColumnMetadata(), b.getColumnMetadata())
                && Objects.equals(a.getEventMetadata().getColumnNames(),
                b.getEventMetadata().getColumnNames());
    }

    /** One table's codec. */
    private static final class Codec implements RowCodec {
        private final RowSchema schema;
        private final int[] keyPositions;
        /** Positions of the kept columns in a full binlog row, or null when every column is kept. */
        private final int[] kept;

        Codec(RowSchema schema, int[] kept) {
            this.schema = schema;
            this.keyPositions = schema.table().keyPositions();
            this.kept = kept;
        }

        @Override
        public TableDef table() {
            return schema.table();
        }

        @Override
        public Schema keySchema() {
            return schema.keySchema();
        }

        @Override
        public Schema rowSchema() {
            return schema.valueSchema();
        }

        @Override
        public Struct fromBinlog(Serializable[] raw) {
            if (kept == null) {
                return schema.fromBinlog(raw);
            }
            Serializable[] cells = new Serializable[kept.length];
            for (int i = 0; i < kept.length; i++) {
                cells[i] = raw[kept[i]];
            }
            return schema.fromBinlog(cells);
        }

        @Override
        public Struct fromJdbc(ResultSet rs) throws SQLException {
            return schema.fromJdbc(rs);
        }

        @Override
        public String selectList() {
            return schema.selectList();
        }

        @Override
        public Struct key(Struct row) {
            return schema.key(row);
        }

        @Override
        public List<Object> keyValues(Struct row) {
            List<Object> values = new ArrayList<>(keyPositions.length);
            for (int position : keyPositions) {
                values.add(row.get(schema.valueSchema().fields().get(position)));
            }
            return values;
        }
    }
}
