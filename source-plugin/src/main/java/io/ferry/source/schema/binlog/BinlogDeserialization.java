package io.ferry.source.schema.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.LRUCache;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one place that configures how binlog events are decoded, so that every row cell arrives in the form
 * the {@link io.ferry.source.schema.convert.ColumnConverter}s expect:
 * <ul>
 *   <li>{@code CHAR_AND_BINARY_AS_BYTE_ARRAY}: CHAR/VARCHAR/BINARY/VARBINARY arrive as bytes, decoded by the
 *       converter with the column's character set (the client would decode with the JVM default charset);</li>
 *   <li>DATE, DATETIME, TIMESTAMP, TIME and YEAR are decoded by Ferry ({@link TemporalCells}), so that no
 *       compatibility mode for them is needed: the client's modes lose zero dates, negative times and
 *       dates before 1582;</li>
 *   <li>TRANSACTION_PAYLOAD (MySQL compressed transactions) is decoded with the same settings.</li>
 * </ul>
 * Every other cell keeps the client's representation: integers as signed Integer/Long, DECIMAL as BigDecimal,
 * FLOAT/DOUBLE as Float/Double, BIT as BitSet, ENUM as Integer index, SET as Long mask, BLOB/TEXT/JSON/GEOMETRY
 * as bytes.
 */
public final class BinlogDeserialization {

    /** Table ids seen recently; a table gets a new id after DDL or cache eviction on the server. */
    private static final int TABLE_MAP_CACHE = 10_000;

    private BinlogDeserialization() {
    }

    /** A new deserializer with its own table-map cache, for one {@code BinaryLogClient}. */
    public static EventDeserializer newEventDeserializer() {
        Map<Long, TableMapEventData> tableMaps = new LRUCache<>(100, 0.75f, TABLE_MAP_CACHE);
        Map<EventType, EventDataDeserializer> deserializers = new EnumMap<>(EventType.class);
        EventDeserializer defaults = new EventDeserializer();
        for (EventType type : EventType.values()) {
            EventDataDeserializer deserializer = defaults.getEventDataDeserializer(type);
            if (!(deserializer instanceof NullEventDataDeserializer)) {
                deserializers.put(type, deserializer);
            }
        }
        deserializers.put(EventType.WRITE_ROWS, new FerryWriteRowsDeserializer(tableMaps));
        deserializers.put(EventType.EXT_WRITE_ROWS,
                new FerryWriteRowsDeserializer(tableMaps).setMayContainExtraInformation(true));
        deserializers.put(EventType.UPDATE_ROWS, new FerryUpdateRowsDeserializer(tableMaps));
        deserializers.put(EventType.EXT_UPDATE_ROWS,
                new FerryUpdateRowsDeserializer(tableMaps).setMayContainExtraInformation(true));
        deserializers.put(EventType.DELETE_ROWS, new FerryDeleteRowsDeserializer(tableMaps));
        deserializers.put(EventType.EXT_DELETE_ROWS,
                new FerryDeleteRowsDeserializer(tableMaps).setMayContainExtraInformation(true));
        deserializers.put(EventType.TRANSACTION_PAYLOAD,
                new CompressedTransactionDeserializer(BinlogDeserialization::newEventDeserializer));
        EventDeserializer deserializer = new EventDeserializer(new EventHeaderV4Deserializer(),
                new NullEventDataDeserializer(), deserializers, tableMaps);
        deserializer.setCompatibilityMode(CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        return deserializer;
    }
}
