package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.TableDef;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KeyOrder} agrees with the server's own comparison of every pair of values, including values that
 * are not in the table (as event keys are not, yet): the server compares two columns of the key's type and
 * collation, and Java must give the same sign.
 */
class KeyOrderIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        SOURCE.createDatabase("orders");
        connection = SOURCE.connect();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
        "VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci",
        "VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_as_cs",
        "VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_nopad_ci",
        "VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
        "VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
        "VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci",
        "VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin",
        "CHAR(6) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
        "VARCHAR(10) CHARACTER SET ascii COLLATE ascii_general_ci"})
    void stringOrderAgreesWithTheServer(String columnType) throws SQLException {
        String table = "t" + Math.abs(columnType.hashCode());
        try {
            SOURCE.execute("CREATE TABLE orders." + table + " (id INT AUTO_INCREMENT PRIMARY KEY, k " + columnType
                    + " NOT NULL, UNIQUE KEY (id, k))");
        } catch (IllegalStateException e) {
            Assumptions.abort(columnType + " is not supported here: " + e.getMessage());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO orders." + table + " (k) VALUES (?)")) {
            for (String value : ChunkSplitterIT.TRICKY) {
                insert.setString(1, value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        assertAgreement(table, "k");
    }

    @Test
    void compositeKeyOrderAgreesWithTheServer() throws SQLException {
        SOURCE.execute("CREATE TABLE orders.comp (a INT NOT NULL, b VARCHAR(5) COLLATE utf8mb4_general_ci NOT NULL,"
                        + " c VARBINARY(3) NOT NULL, PRIMARY KEY (a, b, c))",
                "INSERT IGNORE INTO orders.comp VALUES (1, 'a', 0x00), (1, 'A', 0x01), (1, 'B', 0x00), (0, 'z', 0xff),"
                        + " (1, 'b ', 0x80), (2, '', ''), (1, 'ä', 0x7f), (-1, 'Z', 0x00), (1, 'a', 0x0000)");
        TableDef table = SnapshotWalk.table(connection, "orders", "comp");
        KeyOrder order = KeyOrder.forTable(connection, table);
        List<List<Object>> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT a, b, c FROM orders.comp ORDER BY a, b, c"); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(List.of(rs.getObject(1), rs.getObject(2), rs.getObject(3)));
            }
        }
        assertThat(keys).hasSize(9);
        for (int i = 1; i < keys.size(); i++) {
            assertThat(order.compare(keys.get(i - 1), keys.get(i))).isNegative();
            assertThat(order.compare(keys.get(i), keys.get(i - 1))).isPositive();
        }
        assertThat(order.compare(List.of(1, "A", new byte[] {0}), List.of(1L, "a", new byte[] {0}))).isZero();
    }

    /** Every pair of stored values, compared by the server and by the KeyOrder of a key on {@code column}. */
    private static void assertAgreement(String table, String column) throws SQLException {
        TableDef def = SnapshotWalk.table(connection, "orders", table);
        TableDef keyed = new TableDef(def.id(), def.columns(), List.of(column), def.keyKind());
        KeyOrder order = KeyOrder.forTable(connection, keyed);
        String sql = "SELECT x.k, y.k, x.k < y.k, x.k = y.k FROM orders." + table + " x JOIN orders." + table + " y";
        int pairs = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String x = rs.getString(1);
                String y = rs.getString(2);
                int expected = rs.getBoolean(3) ? -1 : rs.getBoolean(4) ? 0 : 1;
                assertThat(Integer.signum(order.compare(List.of(x), List.of(y))))
                        .as("'%s' vs '%s' in %s", x, y, table).isEqualTo(expected);
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(400);
    }
}
