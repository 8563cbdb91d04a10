package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.source.schema.TableDef;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How chunk queries reach the server: index range access, no sort, streamed results. */
class ChunkQueryIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    private static Connection connection;
    private static TableDef composite;

    @BeforeAll
    static void createTable() throws SQLException {
        SOURCE.createDatabase("q");
        SOURCE.execute("CREATE TABLE q.comp (a INT NOT NULL, b VARCHAR(20) NOT NULL, c INT NOT NULL,"
                        + " payload VARCHAR(200), PRIMARY KEY (a, b, c))",
                "INSERT INTO q.comp SELECT seq % 50, CONCAT('k', seq % 97), seq, REPEAT('x', 200) FROM "
                        + ChunkSplitterIT.seq(1, 1000),
                "INSERT INTO q.comp SELECT a + 100, b, c, payload FROM q.comp",
                "INSERT INTO q.comp SELECT a + 200, b, c, payload FROM q.comp",
                "INSERT INTO q.comp SELECT a + 400, b, c, payload FROM q.comp",
                "ANALYZE TABLE q.comp");
        connection = SOURCE.connect();
        composite = SnapshotWalk.table(connection, "q", "comp");
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void boundedChunkOnACompositeKeyIsAnIndexRangeWithoutSort() throws SQLException {
        ChunkRange chunk = ChunkRange.of(List.of(10, "k5", 3), List.of(220, "k1", 0));
        ChunkQuery query = new ChunkQuery(composite, KeyColumnCodec.jdbc(composite), 100);

        Map<String, String> plan = explain(query.sql(chunk), chunk);

        assertThat(plan).containsEntry("type", "range").containsEntry("key", "PRIMARY");
        assertThat(plan.get("Extra")).doesNotContain("filesort");
        assertThat(Long.parseLong(plan.get("rows"))).isLessThan(8000 / 2);
    }

    @Test
    void splitterProbeIsAnIndexRangeWithoutSort() throws SQLException {
        KeySql sql = new KeySql(composite, KeyColumnCodec.jdbc(composite));
        ChunkRange rest = ChunkRange.of(List.of(210, "k50", 7), null);
        String probe = "SELECT " + sql.keyList() + " FROM " + composite.id().quoted() + sql.where(rest)
                + " ORDER BY " + sql.keyList() + " LIMIT 1 OFFSET 500";

        Map<String, String> plan = explain(probe, rest);

        assertThat(plan).containsEntry("type", "range").containsEntry("key", "PRIMARY");
        assertThat(plan.get("Extra")).doesNotContain("filesort");
    }

    @Test
    void rowsComeInKeyOrderWithEveryColumn() throws SQLException {
        ChunkRange chunk = ChunkRange.of(List.of(10, "k1", 0), List.of(10, "k2", 0));
        ChunkQuery query = new ChunkQuery(composite, KeyColumnCodec.jdbc(composite), 100);
        List<Object[]> rows = new ArrayList<>();
        long count = query.read(connection, chunk, ChunkQuery.allColumns(composite), rows::add);
        assertThat(count).isEqualTo(rows.size()).isEqualTo(4); // k10, k13, k16, k19
        KeyOrder order = KeyOrder.forTable(connection, composite);
        List<Object> previous = null;
        for (Object[] row : rows) {
            assertThat(row).hasSize(4);
            List<Object> key = List.of(row[0], row[1], row[2]);
            assertThat(chunk.contains(key, order)).isTrue();
            assertThat(previous == null || order.compare(previous, key) < 0).isTrue();
            previous = key;
        }
    }

    @Test
    void withoutCursorFetchRowsAreStreamedOneByOne() throws SQLException {
        ChunkQuery query = new ChunkQuery(composite, KeyColumnCodec.jdbc(composite), 100);
        AtomicLong seen = new AtomicLong();
        // A streaming result set holds the connection: the driver refuses another statement until it is read.
        assertThatThrownBy(() -> query.read(connection, ChunkRange.ALL, ChunkQuery.allColumns(composite), row -> {
            seen.incrementAndGet();
            try (Statement other = connection.createStatement()) {
                other.executeQuery("SELECT 1").close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        })).rootCause().hasMessageContaining("Streaming result set").hasMessageContaining("is still active");
        assertThat(seen).hasValue(1);
    }

    @Test
    void withCursorFetchRowsComeInBatchesAndTheConnectionStaysUsable() throws SQLException {
        try (Connection cursor = DriverManager.getConnection(SOURCE.jdbcUrl() + "&useCursorFetch=true",
                SOURCE.user(), SOURCE.password())) {
            ChunkQuery query = new ChunkQuery(composite, KeyColumnCodec.jdbc(composite), 500);
            AtomicLong seen = new AtomicLong();
            long count = query.read(cursor, ChunkRange.ALL, ChunkQuery.allColumns(composite), row -> {
                if (seen.incrementAndGet() == 1) {
                    try (Statement other = cursor.createStatement(); ResultSet rs = other.executeQuery("SELECT 1")) {
                        assertThat(rs.next()).isTrue();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            assertThat(count).isEqualTo(8000).isEqualTo(seen.get());
        }
    }

    /** The first row of EXPLAIN for {@code sql} with {@code range}'s bounds bound, by column label. */
    private static Map<String, String> explain(String sql, ChunkRange range) throws SQLException {
        KeySql keySql = new KeySql(composite, KeyColumnCodec.jdbc(composite));
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            keySql.bind(statement, 1, range);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Map<String, String> plan = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    plan.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                return plan;
            }
        }
    }
}
