package io.ferry.sink.apply;

import io.ferry.common.TableId;
import io.ferry.common.server.ServerFlavor;
import io.ferry.sink.ConflictPolicy;
import io.ferry.sink.TableRouter;
import io.ferry.sink.event.RowChange;
import io.ferry.sink.event.SchemaChange;
import io.ferry.sink.event.SinkEvent;
import io.ferry.sink.offsets.OffsetStore;
import io.ferry.sink.table.DestinationTable;
import io.ferry.sink.table.MissingSchemaException;
import io.ferry.sink.table.TableCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Applies the events of one put() to the destination: row changes grouped per table and collapsed per key,
 * written with multi-row statements, together with the next Kafka offsets, in one transaction. A schema
 * change (with {@code ddl.apply}) ends the transaction before it: DDL commits implicitly in MySQL, so it runs on
 * its own, after the rows that precede it.
 */
public final class BatchApplier {

    /** Replays one schema change on the destination (outside any transaction). */
    @FunctionalInterface
    public interface DdlHandler {
        void apply(Connection connection, SchemaChange change) throws SQLException;
    }

    private final TableRouter router;
    private final TableCatalog catalog;
    private final OffsetStore offsets;
    private final DisplacedRows displaced;
    private final ConflictPolicy snapshotPolicy;
    private final ConflictPolicy streamPolicy;
    private final int maxRows;
    private final DdlHandler ddl;
    private final Map<TableId, Map<Schema, RowLayout>> layouts = new HashMap<>();

    public BatchApplier(TableRouter router, TableCatalog catalog, OffsetStore offsets, String sideDatabase,
            ConflictPolicy snapshotPolicy, ConflictPolicy streamPolicy, int maxRows, DdlHandler ddl) {
        this.router = router;
        this.catalog = catalog;
        this.offsets = offsets;
        this.displaced = new DisplacedRows(sideDatabase);
        this.snapshotPolicy = snapshotPolicy;
        this.streamPolicy = streamPolicy;
        this.maxRows = maxRows;
        this.ddl = ddl;
    }

    /**
     * Applies the events in order and commits; returns the number of row changes written. On failure the open
     * transaction is left for the caller to roll back (then call {@link #rolledBack()}).
     */
    public long apply(Connection connection, ServerFlavor flavor, List<SinkEvent> events) throws SQLException {
        long rows = 0;
        List<SinkEvent> segment = new ArrayList<>();
        for (SinkEvent event : events) {
            if (event instanceof SchemaChange change && ddl != null) {
                rows += applySegment(connection, flavor, segment);
                segment.clear();
                ddl.apply(connection, change);
                catalog.invalidateAll();
                layouts.clear();
                displaced.reset();
                segment.add(event); // its offset is committed with the next segment
            } else {
                segment.add(event);
            }
        }
        return rows + applySegment(connection, flavor, segment);
    }

    /** Forgets what a rolled-back batch may have cached: displaced-row counts and table shapes. */
    public void rolledBack() {
        displaced.reset();
        catalog.invalidateAll();
        layouts.clear();
    }

    private long applySegment(Connection connection, ServerFlavor flavor, List<SinkEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        requireSchema(connection, events);
        List<TableChanges> tables = group(events);
        Map<TableChanges, DestinationTable> destinations = new LinkedHashMap<>();
        for (TableChanges changes : tables) {
            DestinationTable table = catalog.get(connection, router.destination(changes.source()));
            displaced.prepare(connection, table); // may run DDL: before anything is written
            destinations.put(changes, table);
        }
        long rows = 0;
        for (Map.Entry<TableChanges, DestinationTable> entry : destinations.entrySet()) {
            rows += write(connection, entry.getKey(), entry.getValue());
        }
        offsets.save(connection, flavor, nextOffsets(events));
        connection.commit();
        return rows;
    }

    /** Fails on the first row change whose table or columns the destination lacks, naming that record. */
    private void requireSchema(Connection connection, List<SinkEvent> events) throws SQLException {
        for (SinkEvent event : events) {
            if (event instanceof RowChange change) {
                try {
                    DestinationTable table = catalog.get(connection, router.destination(change.table()));
                    Struct image = change.after() != null ? change.after() : change.before();
                    if (image != null) {
                        layoutsOf(change.table(), table).apply(image.schema());
                    }
                } catch (MissingSchemaException e) {
                    throw new SchemaPendingException(change.record(), e);
                }
            }
        }
    }

    private long write(Connection connection, TableChanges changes, DestinationTable table) throws SQLException {
        if (changes.truncateFirst()) {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + Statements.table(table.id()));
            }
        }
        if (!changes.keyed()) {
            return new UnkeyedWriter(connection, table, layoutsOf(changes.source(), table), maxRows).write(changes);
        }
        long rows = new KeyedWriter(connection, table, layoutsOf(changes.source(), table), displaced, maxRows)
                .write(changes);
        if (displaced.tracks(table) && changes.size() > 0) {
            TableChanges.KeyState any = changes.keyStates().iterator().next();
            List<String> key = layoutsOf(changes.source(), table).apply(any.keyRow().schema())
                    .columnsOf(any.change().keyFields()).stream().map(c -> c.column().name()).toList();
            displaced.restore(connection, table, key);
        }
        return rows;
    }

    private java.util.function.Function<Schema, RowLayout> layoutsOf(TableId source, DestinationTable table) {
        Map<Schema, RowLayout> cache = layouts.computeIfAbsent(source, id -> new HashMap<>());
        return schema -> cache.computeIfAbsent(schema, s -> RowLayout.of(router, source, s, table));
    }

    /** Groups row changes per source table in order of first appearance; a change of key mode starts a new group. */
    private List<TableChanges> group(List<SinkEvent> events) {
        List<TableChanges> groups = new ArrayList<>();
        Map<TableId, TableChanges> current = new HashMap<>();
        for (SinkEvent event : events) {
            if (event instanceof RowChange change) {
                TableChanges changes = current.get(change.table());
                if (changes == null || changes.keyed() != change.hasKey()) {
                    changes = new TableChanges(change.table(), change.hasKey());
                    current.put(change.table(), changes);
                    groups.add(changes);
                }
                changes.add(change, change.op().isSnapshot() ? snapshotPolicy : streamPolicy);
            }
        }
        return groups;
    }

    private static Map<TopicPartition, Long> nextOffsets(List<SinkEvent> events) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (SinkEvent event : events) {
            SinkRecord record = event.record();
            next.merge(new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset() + 1,
                    Math::max);
        }
        return next;
    }
}
