package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.TableDef;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backfill brings a chunk read at the low watermark to its state at the high watermark: a chunk read
 * into a {@link ChunkBuffer}, then the row changes of writes made afterwards applied to it, equals the chunk
 * read again after those writes. The changes are those the binlog would carry for the writes (full images).
 */
class ChunkBackfillIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    private static Connection reader;
    private static Connection weights;

    @BeforeAll
    static void connect() throws SQLException {
        SOURCE.createDatabase("backfill");
        reader = SOURCE.connect();
        weights = SOURCE.connect(); // the reader streams, so the key order asks the server on another connection
    }

    @AfterAll
    static void disconnect() throws SQLException {
        reader.close();
        weights.close();
    }

    @Test
    void bufferWithChangesAppliedEqualsTheChunkReadAtTheHighWatermark() throws SQLException {
        SOURCE.execute("CREATE TABLE backfill.s (k VARCHAR(10) COLLATE utf8mb4_general_ci PRIMARY KEY, v INT)");
        for (int i = 0; i < 50; i++) {
            write("INSERT INTO backfill.s VALUES (?, ?)", String.format("k%02d", i), i);
        }
        TableDef table = SnapshotWalk.table(reader, "backfill", "s");
        KeyOrder order = KeyOrder.forTable(weights, table);
        ChunkRange chunk;
        try (ChunkSplitter splitter = new ChunkSplitter(reader, table, KeyColumnCodec.jdbc(table), ChunkRange.ALL,
                10)) {
            splitter.next();
            chunk = splitter.next().orElseThrow();
        }
        assertThat(chunk).isEqualTo(ChunkRange.of(List.of("k10"), List.of("k20")));
        ChunkBuffer<List<Object>> buffer = new ChunkBuffer<>(chunk, order);
        read(table, chunk, row -> buffer.put(List.of(row.get(0)), row));
        assertThat(buffer.size()).isEqualTo(10);

        List<RowChange<List<Object>>> changes = new ArrayList<>();
        changes.add(insert("K15x", 100));
        changes.add(update("k12", "k12", 200));
        changes.add(delete("k13"));
        changes.add(update("k14", "k25x", 14)); // leaves the chunk
        changes.add(update("k05", "k16x", 5)); // enters the chunk from an earlier one
        changes.add(update("k11", "K11", 11)); // same key for the collation, new spelling
        changes.add(insert("k3", 300)); // 'k3' > 'k20': a later chunk
        changes.add(insert("k1 x", 301)); // ' ' < '0': an earlier chunk
        changes.add(insert("k19~", 302));
        changes.add(update("k19", "k2", 19)); // 'k2' < 'k20': still inside
        changes.add(delete("k30"));
        changes.add(update("k17", "k17", 17)); // no-op update
        for (RowChange<List<Object>> change : changes) {
            buffer.apply(change);
        }

        List<List<Object>> atHighWatermark = new ArrayList<>();
        read(table, chunk, atHighWatermark::add);
        assertThat(new ArrayList<>(buffer.values())).containsExactlyElementsOf(atHighWatermark);
        assertThat(buffer.rows().keySet()).extracting(k -> k.get(0)).containsExactly("k10", "K11", "k12", "k15",
                "K15x", "k16", "k16x", "k17", "k18", "k19~", "k2");
    }

    private static void read(TableDef table, ChunkRange chunk, Consumer<List<Object>> rows)
            throws SQLException {
        new ChunkQuery(table, KeyColumnCodec.jdbc(table), 100).read(reader, chunk, ChunkQuery.allColumns(table),
                row -> rows.accept(List.of(row)));
    }

    private static RowChange<List<Object>> insert(String key, int value) throws SQLException {
        write("INSERT INTO backfill.s VALUES (?, ?)", key, value);
        return RowChange.insert(List.of(key), List.of(key, value));
    }

    private static RowChange<List<Object>> update(String before, String after, int value) throws SQLException {
        write("UPDATE backfill.s SET k = ?, v = ? WHERE k = ?", after, value, before);
        return RowChange.update(List.of(before), List.of(after), List.of(after, value));
    }

    private static RowChange<List<Object>> delete(String key) throws SQLException {
        write("DELETE FROM backfill.s WHERE k = ?", key);
        return RowChange.delete(List.of(key));
    }

    private static void write(String sql, Object... parameters) throws SQLException {
        try (Connection writer = SOURCE.connect(); PreparedStatement statement = writer.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).as("%s %s", sql, List.of(parameters)).isEqualTo(1);
        }
    }
}
