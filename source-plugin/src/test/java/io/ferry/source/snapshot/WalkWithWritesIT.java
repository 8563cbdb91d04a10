package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.TableDef;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keys inserted while a stripe is being walked land where the {@link KeyOrder} says: a key the order places
 * in a completed chunk is not read again (the binlog delivers it as a change), and a key it places in a later
 * chunk is read by exactly that chunk. This is the decision the backfill and the stream make for every event.
 */
class WalkWithWritesIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    private static final int CHUNK_SIZE = 5;
    private static final int CHUNKS_BEFORE_WRITES = 3;

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        SOURCE.createDatabase("walk");
        connection = SOURCE.connect();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void stringKeysInsertedDuringTheWalkLandInTheChunkTheKeyOrderNames() throws SQLException {
        SOURCE.execute("CREATE TABLE walk.s (k VARCHAR(12) COLLATE utf8mb4_general_ci PRIMARY KEY)");
        List<Object> initial = new ArrayList<>(ChunkSplitterIT.TRICKY);
        List<Object> candidates = new ArrayList<>();
        for (String value : ChunkSplitterIT.TRICKY) {
            candidates.add(value.toUpperCase(Locale.ROOT) + "!");
            candidates.add(value + " x");
            candidates.add(value + "\t");
            candidates.add(value.toLowerCase(Locale.ROOT) + "Ä");
        }
        candidates.addAll(List.of("", "~~~", "zzzz", " ", "\u0001"));
        walkWhileInserting("s", initial, candidates);
    }

    @Test
    void integerKeysInsertedDuringTheWalkLandInTheChunkTheKeyOrderNames() throws SQLException {
        SOURCE.execute("CREATE TABLE walk.i (k BIGINT PRIMARY KEY)");
        List<Object> initial = new ArrayList<>();
        List<Object> candidates = new ArrayList<>();
        for (long k = 0; k < 100; k++) {
            initial.add(k * 10);
            candidates.add(k * 10 + 5);
        }
        candidates.addAll(List.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, 100_000L));
        walkWhileInserting("i", initial, candidates);
    }

    private static void walkWhileInserting(String name, List<Object> initial, List<Object> candidates)
            throws SQLException {
        insert(name, initial);
        TableDef table = SnapshotWalk.table(connection, "walk", name);
        KeyOrder order = KeyOrder.forTable(connection, table);
        ChunkQuery query = new ChunkQuery(table, KeyColumnCodec.jdbc(table), 100);
        List<ChunkRange> chunks = new ArrayList<>();
        List<List<Object>> read = new ArrayList<>();
        List<Integer> readBy = new ArrayList<>();
        List<Object> inserted = List.of();
        try (ChunkSplitter splitter = new ChunkSplitter(connection, table, KeyColumnCodec.jdbc(table),
                ChunkRange.ALL, CHUNK_SIZE)) {
            for (Optional<ChunkRange> chunk = splitter.next(); chunk.isPresent(); chunk = splitter.next()) {
                int index = chunks.size();
                chunks.add(chunk.get());
                query.read(connection, chunk.get(), ChunkQuery.allColumns(table), row -> {
                    read.add(List.of(row[0]));
                    readBy.add(index);
                });
                if (chunks.size() == CHUNKS_BEFORE_WRITES) {
                    inserted = insert(name, candidates);
                }
            }
        }
        assertThat(chunks.size()).isGreaterThan(CHUNKS_BEFORE_WRITES + 2);
        assertThat(inserted).hasSizeGreaterThan(candidates.size() / 2);
        SnapshotWalk.assertContiguous(chunks);
        int notReadAgain = 0;
        for (Object key : inserted) {
            List<Integer> owners = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                if (chunks.get(c).contains(List.of(key), order)) {
                    owners.add(c);
                }
            }
            assertThat(owners).as("chunks holding %s", key).hasSize(1);
            int owner = owners.get(0);
            int at = indexOf(read, key);
            if (owner < CHUNKS_BEFORE_WRITES) {
                assertThat(at).as("%s, in completed chunk %s", key, chunks.get(owner)).isEqualTo(-1);
                notReadAgain++;
            } else {
                assertThat(at).as("%s, in later chunk %s", key, chunks.get(owner)).isNotEqualTo(-1);
                assertThat(readBy.get(at)).as("chunk that read %s", key).isEqualTo(owner);
            }
        }
        assertThat(notReadAgain).as("inserted keys that fell into completed chunks").isPositive();
        for (int i = 0; i < read.size(); i++) {
            assertThat(chunks.get(readBy.get(i)).contains(read.get(i), order)).isTrue();
        }
    }

    private static int indexOf(List<List<Object>> read, Object key) {
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i).get(0).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Inserts each value unless the server already has an equal key; returns those inserted. */
    private static List<Object> insert(String table, List<Object> values) throws SQLException {
        List<Object> inserted = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO walk." + table + " VALUES (?)")) {
            for (Object value : values) {
                insert.setObject(1, value);
                if (insert.executeUpdate() == 1) {
                    inserted.add(value);
                }
            }
        }
        return inserted;
    }
}
