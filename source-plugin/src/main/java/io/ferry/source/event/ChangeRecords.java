package io.ferry.source.event;

import io.ferry.common.TableId;
import io.ferry.source.binlog.BinlogItem;
import io.ferry.source.binlog.BinlogItem.Operation;
import io.ferry.source.binlog.BinlogItem.RowChange;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the records of change events: the table's topic, its key, and the Debezium envelope. An update that
 * changes the key becomes a delete of the old key and a create of the new one (as in Debezium), so that a
 * keyed consumer, or log compaction, never keeps the old key alive.
 */
public final class ChangeRecords {

    private final RowCodecs codecs;
    private final TopicNames topics;
    private final SourceInfo source;
    private final SchemaChangeEvents schemaChanges;
    private final boolean tombstones;
    private final OperationFilter operations;
    private final Map<TableId, RowFilter> rowFilters;
    private final Clock clock;
    private final Map<Schema, Envelope> envelopes = new IdentityHashMap<>();

    public ChangeRecords(RowCodecs codecs, TopicNames topics, SourceInfo source, boolean tombstones,
                         OperationFilter operations, Map<TableId, RowFilter> rowFilters, Clock clock) {
        this.codecs = codecs;
        this.rowFilters = Map.copyOf(rowFilters);
        this.operations = operations;
        this.topics = topics;
        this.source = source;
        this.schemaChanges = new SchemaChangeEvents(topics.schemaChanges());
        this.tombstones = tombstones;
        this.clock = clock;
    }

    /** Appends the records of one streamed row change to {@code out}. */
    public void streamed(RowChange change, Map<String, ?> partition, Map<String, ?> offset, List<SourceRecord> out) {
        streamed(change, partition, offset, out, key -> false);
    }

    /**
     * Appends the records of one streamed row change to {@code out}, leaving out what {@code delivered} says a
     * snapshot already delivered. A key-changing update is judged per key: its delete of the old key and its
     * create of the new key may belong to different snapshot stripes.
     */
    public void streamed(RowChange change, Map<String, ?> partition, Map<String, ?> offset, List<SourceRecord> out,
                         Predicate<List<Object>> delivered) {
        RowCodec codec = codecs.forTableMap(change.tableMap());
        Struct before = change.before() == null ? null : codec.fromBinlog(change.before());
        Struct after = change.after() == null ? null : codec.fromBinlog(change.after());
        Struct src = source.streamed(change.table().database(), change.table().table(), change.context());
        TableId table = change.table();
        RowFilter filter = rowFilters.get(table);
        if (filter != null) {
            // A row that leaves the filter is deleted downstream, one that enters it is created.
            before = before != null && filter.test(before) ? before : null;
            after = after != null && filter.test(after) ? after : null;
            if (before == null && after == null) {
                return;
            }
        }
        boolean keyed = codec.keySchema() != null;
        if (before != null && after != null && keyed && !codec.key(before).equals(codec.key(after))) {
            if (!delivered.test(codec.keyValues(before))) {
                add(codec, table, Operation.DELETE.code(), before, null, src, partition, offset, out);
            }
            if (!delivered.test(codec.keyValues(after))) {
                add(codec, table, Operation.CREATE.code(), null, after, src, partition, offset, out);
            }
            return;
        }
        // A table without a key has one stripe, found by any key: the empty key values ask by position alone.
        if (delivered.test(codec.keyValues(after != null ? after : before))) {
            return;
        }
        String op = before == null ? Operation.CREATE.code() : after == null ? Operation.DELETE.code()
                : Operation.UPDATE.code();
        add(codec, table, op, before, after, src, partition, offset, out);
    }

    /** The row filter of a table, if it has one. */
    public Optional<RowFilter> rowFilter(TableId table) {
        return Optional.ofNullable(rowFilters.get(table));
    }

    /** The record of one snapshot row, as of the chunk's high watermark described by {@code src}. */
    public SourceRecord snapshotRead(RowCodec codec, Struct row, Struct src, Map<String, ?> partition,
                                     Map<String, ?> offset) {
        Envelope envelope = envelope(codec);
        long now = clock.millis();
        return new SourceRecord(partition, offset, topics.forTable(codec.table().id()), null, codec.keySchema(),
                codec.key(row), envelope.schema(), envelope.event(Envelope.OP_READ, null, row, src, now), now);
    }

    /** The record of a schema change, or null if {@code table.operations} leaves out its table's DDL. */
    public SourceRecord schemaChange(BinlogItem.SchemaChange ddl, Map<String, ?> partition, Map<String, ?> offset) {
        // The logged default database may be empty when the statement qualifies its table: use the table's.
        Optional<TableId> subject = DdlTables.tableOf(ddl.sql(), ddl.database());
        String database = subject.map(TableId::database).orElse(ddl.database() == null ? "" : ddl.database());
        String table = subject.map(TableId::table).orElse(null);
        // Defaults, which table maps do not carry, may have changed even where the table map stays the same.
        subject.ifPresent(codecs::tableChanged);
        if (subject.isPresent() && !operations.emits(subject.get(), OperationFilter.Operation.DDL)) {
            return null;
        }
        Struct src = source.streamed(database, table, ddl.context());
        return schemaChanges.record(partition, offset, database, table, ddl.sql(), src, clock.millis());
    }

    private void add(RowCodec codec, TableId table, String op, Struct before, Struct after, Struct src,
                     Map<String, ?> partition, Map<String, ?> offset, List<SourceRecord> out) {
        OperationFilter.Operation kind = before == null ? OperationFilter.Operation.INSERT
                : after == null ? OperationFilter.Operation.DELETE : OperationFilter.Operation.UPDATE;
        if (!operations.emits(table, kind)) {
            return;
        }
        Envelope envelope = envelope(codec);
        long now = clock.millis();
        String topic = topics.forTable(table);
        Struct key = codec.key(after != null ? after : before);
        out.add(new SourceRecord(partition, offset, topic, null, codec.keySchema(), key, envelope.schema(),
                envelope.event(op, before, after, src, now), now));
        if (after == null && tombstones && key != null) {
            out.add(new SourceRecord(partition, offset, topic, null, codec.keySchema(), key, null, null, now));
        }
    }

    private Envelope envelope(RowCodec codec) {
        return envelopes.computeIfAbsent(codec.rowSchema(), schema -> new Envelope(envelopeName(schema), schema));
    }

    static String envelopeName(Schema rowSchema) {
        String name = rowSchema.name();
        return (name.endsWith(".Value") ? name.substring(0, name.length() - ".Value".length()) : name) + ".Envelope";
    }
}
