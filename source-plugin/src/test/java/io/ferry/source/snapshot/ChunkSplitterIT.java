package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row is read exactly once across all chunks of all stripes, in the server's key order, and the
 * {@link KeyOrder} places every row inside its own chunk only, for the key types that matter.
 */
class ChunkSplitterIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    /** Strings whose server order differs from Java's, or that collide under some collations. */
    static final List<String> TRICKY = List.of("a", "A", "B", "b", "b ", "b\t", "B ", "Ä", "ä", "ae", "Æ", "ß",
            "ss", "z", "Z", "", " ", "  a", "😀", "Ω", "ö", "o", "Ö", "é", "e", "E ", "1", "10", "9", "_", "-",
            "~", "aa", "Aa", "aA", "ǅ", "ﬀ", "ff", "Å", "å", "y", "ü", "u", "I", "ı", "İ", "i");

    private static final String DB = "splitter";
    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        SOURCE.createDatabase(DB);
        connection = SOURCE.connect();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void intAutoIncrementWithGaps() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.ints (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO splitter.ints (v) SELECT CONCAT('v', seq) FROM " + seq(1, 1000),
                "DELETE FROM splitter.ints WHERE id % 7 = 0 OR id BETWEEN 300 AND 600",
                "INSERT INTO splitter.ints VALUES (100000, 'far'), (-5, 'negative')",
                "ANALYZE TABLE splitter.ints");
        SnapshotWalk walk = walkAndCheck("ints", 4, 10, 37);
        assertThat(walk.stripes).hasSize(4);
        assertThat(walk.chunks.size()).isGreaterThan(walk.stripes.size());
        assertThat(walk.rowsByChunk).allMatch(rows -> rows.size() <= 37);
    }

    @Test
    void bigintUnsignedNearItsMaximum() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.ubig (id BIGINT UNSIGNED PRIMARY KEY)",
                "INSERT INTO splitter.ubig SELECT 18446744073709551615 - seq FROM " + seq(0, 99),
                "INSERT INTO splitter.ubig VALUES (0), (9223372036854775807), (9223372036854775808)",
                "ANALYZE TABLE splitter.ubig");
        SnapshotWalk walk = walkAndCheck("ubig", 3, 10, 7);
        assertThat(walk.stripes).hasSize(3);
    }

    @Test
    void compositeIntAndVarcharKey() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.comp (a INT NOT NULL, b VARCHAR(20) COLLATE utf8mb4_general_ci"
                        + " NOT NULL, v INT, PRIMARY KEY (a, b))",
                "ANALYZE TABLE splitter.comp");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO splitter.comp VALUES (?, ?, 0)")) {
            for (int a = -1; a < 4; a++) {
                for (String b : TRICKY) {
                    insert.setInt(1, a);
                    insert.setString(2, b);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        SOURCE.execute("ANALYZE TABLE splitter.comp");
        SnapshotWalk walk = walkAndCheck("comp", 3, 10, 5);
        assertThat(walk.stripes).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf8mb4_general_ci", "utf8mb4_uca1400_ai_ci", "utf8mb4_uca1400_as_cs",
        "utf8mb4_general_nopad_ci", "utf8mb4_bin", "utf8mb4_unicode_ci", "latin1_swedish_ci", "latin1_german2_ci"})
    void varcharKeyInCollation(String collation) throws SQLException {
        assumeCollation(collation);
        String table = "s_" + collation;
        String charset = collation.substring(0, collation.indexOf('_'));
        SOURCE.execute("CREATE TABLE splitter." + table + " (k VARCHAR(10) CHARACTER SET " + charset
                + " COLLATE " + collation + " PRIMARY KEY, v INT)");
        insertStrings(table, TRICKY);
        SOURCE.execute("ANALYZE TABLE splitter." + table);
        SnapshotWalk walk = walkAndCheck(table, 3, 3, 3);
        assertThat(walk.stripes).hasSize(3);
        assertThat(walk.rowCount()).isGreaterThan(20);
    }

    @Test
    void datetime6Key() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.times (t DATETIME(6) PRIMARY KEY)",
                "INSERT INTO splitter.times SELECT TIMESTAMP'2024-02-28 23:59:59' + INTERVAL seq * 654321 MICROSECOND"
                        + " FROM " + seq(1, 300),
                "INSERT INTO splitter.times VALUES ('1000-01-01 00:00:00'), ('9999-12-31 23:59:59.999999'),"
                        + " ('2024-02-29 00:00:00.000001')",
                "ANALYZE TABLE splitter.times");
        SnapshotWalk walk = walkAndCheck("times", 4, 10, 13);
        assertThat(walk.stripes).hasSize(4);
    }

    @Test
    void varbinaryKey() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.bin (k VARBINARY(12) PRIMARY KEY)",
                "INSERT INTO splitter.bin VALUES (''), (0x00), (0x0000), (0x01), (0x7f), (0x80), (0xff), (0xff00),"
                        + " (0xffff), (0x61), (0x41), (0x6100), (0x612020)",
                "INSERT IGNORE INTO splitter.bin SELECT LEFT(UNHEX(SHA2(seq, 256)), 1 + seq % 12) FROM " + seq(1, 200),
                "ANALYZE TABLE splitter.bin");
        walkAndCheck("bin", 3, 10, 6);
    }

    @Test
    void enumKeyFollowsTheDefinitionOrderNotTheStrings() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.enums (k ENUM('zeta', 'alpha', 'mu', 'Beta', 'beta2') NOT NULL,"
                        + " n INT NOT NULL, PRIMARY KEY (k, n))",
                "INSERT INTO splitter.enums SELECT 1 + seq % 5, seq FROM " + seq(1, 100),
                "ANALYZE TABLE splitter.enums");
        SnapshotWalk walk = walkAndCheck("enums", 3, 10, 7);
        assertThat(walk.keys().get(0).get(0)).isEqualTo("zeta");
    }

    @Test
    void doubleAndDecimalKeys() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.doubles (k DOUBLE PRIMARY KEY)",
                "INSERT INTO splitter.doubles SELECT seq * 1.3 / 7 - 20 FROM " + seq(1, 300),
                "CREATE TABLE splitter.decimals (k DECIMAL(10, 3) PRIMARY KEY)",
                "INSERT INTO splitter.decimals SELECT seq * 1.3 / 7 - 20 FROM " + seq(1, 300),
                "ANALYZE TABLE splitter.doubles, splitter.decimals");
        walkAndCheck("doubles", 3, 10, 11);
        walkAndCheck("decimals", 3, 10, 11);
    }

    @Test
    void bitKeyComparesAsANumber() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.bits (k BIT(10) PRIMARY KEY)",
                "INSERT INTO splitter.bits SELECT seq * 7 FROM " + seq(0, 146),
                "ANALYZE TABLE splitter.bits");
        walkAndCheck("bits", 3, 10, 9);
    }

    @Test
    void charKeyPadsLikeTheServer() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.chars (k CHAR(4) COLLATE utf8mb4_general_ci PRIMARY KEY, v INT)");
        insertStrings("chars", TRICKY);
        SOURCE.execute("ANALYZE TABLE splitter.chars");
        walkAndCheck("chars", 3, 3, 2);
    }

    @Test
    void emptyTableIsOneEmptyChunk() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.empty (id INT PRIMARY KEY)");
        SnapshotWalk walk = walkAndCheck("empty", 4, 1, 10);
        assertThat(walk.chunks).containsExactly(ChunkRange.ALL);
        assertThat(walk.rowCount()).isZero();
    }

    @Test
    void oneRowTable() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.one (id INT PRIMARY KEY)", "INSERT INTO splitter.one VALUES (7)");
        SnapshotWalk walk = walkAndCheck("one", 4, 1, 1);
        assertThat(walk.rowCount()).isEqualTo(1);
    }

    @Test
    void hugeChunkSizeIsOneChunkPerStripe() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.huge (id INT PRIMARY KEY)",
                "INSERT INTO splitter.huge SELECT seq FROM " + seq(1, 500), "ANALYZE TABLE splitter.huge");
        SnapshotWalk walk = walkAndCheck("huge", 2, 1, Integer.MAX_VALUE);
        assertThat(walk.chunks).isEqualTo(walk.stripes);
    }

    @Test
    void tableWithoutKeyIsOneChunk() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.nokey (a INT, b VARCHAR(5))",
                "INSERT INTO splitter.nokey VALUES (1, 'x'), (1, 'x'), (NULL, NULL)", "ANALYZE TABLE splitter.nokey");
        TableDef table = SnapshotWalk.table(connection, DB, "nokey");
        assertThat(table.keyKind()).isEqualTo(KeyKind.NONE);
        SnapshotWalk walk = SnapshotWalk.walk(connection, table, 4, 1, 1);
        assertThat(walk.stripes).containsExactly(ChunkRange.ALL);
        assertThat(walk.chunks).containsExactly(ChunkRange.ALL);
        assertThat(walk.rowCount()).isEqualTo(3);
    }

    @Test
    void uniqueNotNullKeyIsUsedWithoutPrimaryKey() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.uniq (a INT, b VARCHAR(5) NOT NULL, UNIQUE KEY (b))",
                "INSERT INTO splitter.uniq VALUES (1, 'x'), (1, 'Y'), (NULL, 'z'), (2, 'ä')");
        SnapshotWalk walk = walkAndCheck("uniq", 1, 1, 1);
        assertThat(walk.table.keyKind()).isEqualTo(KeyKind.UNIQUE_NOT_NULL);
        assertThat(walk.chunks).hasSize(4); // one per row: the last runs to the unbounded end
    }

    @Test
    void resumingAStripeFromAChunkEndReadsTheRest() throws SQLException {
        SOURCE.execute("CREATE TABLE splitter.resume (id INT PRIMARY KEY)",
                "INSERT INTO splitter.resume SELECT seq FROM " + seq(1, 100));
        TableDef table = SnapshotWalk.table(connection, DB, "resume");
        List<ChunkRange> first = new ArrayList<>();
        try (ChunkSplitter splitter = new ChunkSplitter(connection, table, KeyColumnCodec.jdbc(table),
                ChunkRange.ALL, 30)) {
            first.add(splitter.next().orElseThrow());
            first.add(splitter.next().orElseThrow());
        }
        ChunkRange restored = ChunkRange.fromOffset(first.get(1).toOffset("chunk."), "chunk.");
        List<ChunkRange> rest = new ArrayList<>();
        try (ChunkSplitter splitter = new ChunkSplitter(connection, table, KeyColumnCodec.jdbc(table),
                ChunkRange.ALL.withStart(restored.end()), 30)) {
            for (Optional<ChunkRange> chunk = splitter.next(); chunk.isPresent(); chunk = splitter.next()) {
                rest.add(chunk.get());
            }
        }
        assertThat(first.get(1).end()).isEqualTo(List.of(61));
        assertThat(rest).containsExactly(ChunkRange.of(List.of(61), List.of(91)), ChunkRange.of(List.of(91), null));
    }

    private static void insertStrings(String table, List<String> values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO splitter." + table + " VALUES (?, 0)")) {
            for (String value : values) {
                insert.setString(1, value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Walks the table, checks it against the server's own ORDER BY and against the table's KeyOrder. */
    @Test
    void floatKeysNeedTheBinaryProtocol() throws SQLException {
        // The text protocol prints FLOAT with 6 significant digits, so the value read is not the value stored.
        SOURCE.execute("CREATE TABLE splitter.floats (k FLOAT PRIMARY KEY)",
                "INSERT IGNORE INTO splitter.floats SELECT seq * 1.3 / 7 - 20 FROM " + seq(1, 300),
                "ANALYZE TABLE splitter.floats");
        TableDef table = SnapshotWalk.table(connection, DB, "floats");
        assertThatThrownBy(() -> SnapshotWalk.walk(connection, table, 1, 1, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("useServerPrepStmts=true");
        try (Connection binary = DriverManager.getConnection(SOURCE.jdbcUrl() + "&useServerPrepStmts=true",
                SOURCE.user(), SOURCE.password())) {
            Connection text = connection;
            connection = binary;
            try {
                walkAndCheck("floats", 3, 10, 11);
            } finally {
                connection = text;
            }
        }
    }

    private static SnapshotWalk walkAndCheck(String name, int maxStripes, long minRowsPerStripe, int chunkSize)
            throws SQLException {
        TableDef table = SnapshotWalk.table(connection, DB, name);
        SnapshotWalk walk = SnapshotWalk.walk(connection, table, maxStripes, minRowsPerStripe, chunkSize);
        assertThat(render(walk.keys())).as("keys read from %s", name)
                .containsExactlyElementsOf(render(serverOrder(walk)));
        walk.assertConsistentWith(KeyOrder.forTable(connection, table));
        return walk;
    }

    private static List<List<Object>> serverOrder(SnapshotWalk walk) throws SQLException {
        KeySql sql = new KeySql(walk.table, walk.codecs);
        List<List<Object>> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + sql.keyList() + " FROM "
                + walk.table.id().quoted() + " ORDER BY " + sql.keyList());
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(sql.readKey(rs, 1));
            }
        }
        return keys;
    }

    static List<String> render(List<List<Object>> keys) {
        return keys.stream().map(key -> key.stream()
                .map(v -> v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : v.getClass().getSimpleName()
                        + ":" + v)
                .toList().toString()).toList();
    }

    /** {@code 1..n} as a derived table {@code seq(seq)}, on MySQL 8 as on MariaDB (no sequence engine). */
    static String seq(int from, int to) {
        return "(WITH RECURSIVE seq (seq) AS (SELECT " + from + " UNION ALL SELECT seq + 1 FROM seq WHERE seq < "
                + to + ") SELECT seq FROM seq) AS seq";
    }

    /** Skips a test on a server that lacks the collation (e.g. uca1400 on MySQL 8). */
    static void assumeCollation(String collation) {
        String charset = collation.substring(0, collation.indexOf('_'));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CONVERT('a' USING " + charset + ") COLLATE " + collation)) {
            statement.executeQuery().close();
        } catch (SQLException e) {
            Assumptions.abort(collation + " is not available: " + e.getMessage());
        }
    }
}
