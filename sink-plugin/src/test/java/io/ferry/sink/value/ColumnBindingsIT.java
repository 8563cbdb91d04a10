package io.ferry.sink.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.sink.value.EdgeValueTable.Column;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes every edge value of {@link EdgeValueTable} twice into a real server: as a SQL literal into
 * {@code expected}, and through {@link ColumnBindings} with the Connect value the source emits into
 * {@code actual} — one multi-row INSERT, as Connector/J rewrites a batch with {@code rewriteBatchedStatements=true}
 * — under the sink's session settings, then compares the two tables column by column on the server.
 */
class ColumnBindingsIT {

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    private static final String DATABASE = "bindings";
    /** The sink's session: UTC, strict, and zero dates allowed (no NO_ZERO_DATE / NO_ZERO_IN_DATE). */
    private static final String SESSION = "SET time_zone = '+00:00',"
            + " sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

    private static final EdgeValueTable TABLE = new EdgeValueTable();
    private static long insertStatementsOfTheBatch;

    @BeforeAll
    static void writeEveryValueAsLiteralAndThroughTheBindings() throws SQLException {
        DESTINATION.createDatabase(DATABASE);
        String columns = TABLE.columns.stream().map(c -> c.name() + " " + c.definition())
                .collect(Collectors.joining(", "));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : List.of("expected", "actual")) {
                statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, " + columns + ")");
            }
            for (int row = 0; row < TABLE.rows(); row++) {
                int r = row;
                statement.execute("INSERT INTO expected (id, " + names() + ") VALUES (" + (row + 1) + ", "
                        + TABLE.columns.stream().map(c -> c.cell(r).literal()).collect(Collectors.joining(", "))
                        + ")");
            }
            long insertsBefore = comInsert(statement);
            insertThroughBindings(connection, "actual", TABLE.rows(), (column, row) -> column.cell(row).connect());
            insertStatementsOfTheBatch = comInsert(statement) - insertsBefore;
        }
    }

    @Test
    void everyColumnHoldsWhatTheLiteralWrote() {
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM " + DATABASE + ".actual"))
                .isEqualTo(String.valueOf(TABLE.rows()));
        List<String> differences = new ArrayList<>();
        for (int row = 1; row <= TABLE.rows(); row++) {
            differences.addAll(differences(row, row));
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theBatchWentAsOneMultiRowInsert() {
        assertThat(insertStatementsOfTheBatch).isEqualTo(1);
    }

    /** The comparison must see a difference wherever two rows' literals differ, or it proves nothing. */
    @Test
    void theComparisonSeesEveryDifferingColumn() {
        for (int row = 1; row < TABLE.rows(); row++) {
            int r = row;
            List<String> differing = TABLE.columns.stream()
                    .filter(c -> !Objects.equals(c.cell(r - 1).literal(), c.cell(r).literal()))
                    .map(Column::name).toList();
            List<String> seen = differences(row, row + 1).stream().map(d -> d.substring(0, d.indexOf(' ')))
                    .toList();
            assertThat(seen).as("row %d against row %d", row, row + 1).containsExactlyInAnyOrderElementsOf(differing);
        }
    }

    /** FLOAT and DOUBLE read back through the binary protocol, which returns the stored bits unconverted. */
    @Test
    void floatsAndDoublesReadBackBitForBit() throws SQLException {
        List<Column> reals = TABLE.columns.stream()
                .filter(c -> c.name().equals("c_float") || c.name().equals("c_double")).toList();
        assertThat(reals).hasSize(2);
        assertRealsStoredExactly("actual", reals.get(0).cells().stream().map(c -> (Float) c.connect()).toList(),
                reals.get(1).cells().stream().map(c -> (Double) c.connect()).toList());
    }

    @Test
    void randomFloatsAndDoublesRoundTripBitForBit() throws SQLException {
        Random random = new Random(20261115L);
        List<Float> floats = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        while (floats.size() < 2000) {
            float f = Float.intBitsToFloat(random.nextInt());
            double d = Double.longBitsToDouble(random.nextLong());
            if (Float.isFinite(f) && Double.isFinite(d)) {
                floats.add(f);
                doubles.add(d);
            }
        }
        DESTINATION.execute("CREATE TABLE " + DATABASE + ".reals (id INT PRIMARY KEY, c_float FLOAT, c_double DOUBLE)");
        List<Column> columns = List.of(
                new Column("c_float", "FLOAT", Schema.FLOAT32_SCHEMA, EdgeValueTable.NULL, new ArrayList<>()),
                new Column("c_double", "DOUBLE", Schema.FLOAT64_SCHEMA, EdgeValueTable.NULL, new ArrayList<>()));
        try (Connection connection = connect()) {
            insertThroughBindings(connection, "reals", columns, floats.size(),
                    (column, row) -> column.name().equals("c_float") ? floats.get(row) : doubles.get(row));
        }
        assertRealsStoredExactly("reals", floats, doubles);
    }

    private static void assertRealsStoredExactly(String table, List<Float> floats, List<Double> doubles)
            throws SQLException {
        String url = DESTINATION.jdbcUrl(DATABASE) + "&useServerPrepStmts=true";
        try (Connection connection = DriverManager.getConnection(url, DESTINATION.user(), DESTINATION.password());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, c_float, c_double FROM " + table + " WHERE id <= ? ORDER BY id")) {
            select.setInt(1, Math.max(floats.size(), doubles.size()));
            try (ResultSet rs = select.executeQuery()) {
                int i = 0;
                for (; rs.next(); i++) {
                    if (i < floats.size()) {
                        assertThat(Float.floatToRawIntBits(rs.getFloat(2))).as("%s FLOAT row %d: %s", table, i + 1,
                                floats.get(i)).isEqualTo(Float.floatToRawIntBits(floats.get(i)));
                    }
                    if (i < doubles.size()) {
                        assertThat(Double.doubleToRawLongBits(rs.getDouble(3))).as("%s DOUBLE row %d: %s", table,
                                i + 1, doubles.get(i)).isEqualTo(Double.doubleToRawLongBits(doubles.get(i)));
                    }
                }
                assertThat(i).as("rows read back").isEqualTo(Math.max(floats.size(), doubles.size()));
            }
        }
    }

    /** A line per column in which row {@code expectedId} of {@code expected} and {@code actualId} of actual differ. */
    private static List<String> differences(int expectedId, int actualId) {
        List<String> select = new ArrayList<>();
        for (Column column : TABLE.columns) {
            String e = "e." + column.name();
            String a = "a." + column.name();
            // <=> compares values (numbers, temporals, collations); HEX compares the exact bytes and digits.
            String same = column.isGeometry() ? "HEX(" + e + ") <=> HEX(" + a + ")"
                    : e + " <=> " + a + " AND HEX(" + e + ") <=> HEX(" + a + ")";
            select.add("(" + same + ")");
            select.add("HEX(" + e + ")");
            select.add("HEX(" + a + ")");
        }
        List<List<String>> rows = DESTINATION.queryRows("SELECT " + String.join(", ", select) + " FROM "
                + DATABASE + ".expected e JOIN " + DATABASE + ".actual a ON e.id = " + expectedId
                + " AND a.id = " + actualId);
        assertThat(rows).as("rows %d and %d", expectedId, actualId).hasSize(1);
        List<String> found = new ArrayList<>();
        for (int c = 0; c < TABLE.columns.size(); c++) {
            List<String> row = rows.get(0);
            if (!"1".equals(row.get(3 * c))) {
                found.add(TABLE.columns.get(c).name() + " literal row " + expectedId + " " + row.get(3 * c + 1)
                        + " vs bound row " + actualId + " " + row.get(3 * c + 2));
            }
        }
        return found;
    }

    @FunctionalInterface
    private interface ConnectValues {
        Object of(Column column, int row);
    }

    private static void insertThroughBindings(Connection connection, String table, int rows, ConnectValues values)
            throws SQLException {
        insertThroughBindings(connection, table, TABLE.columns, rows, values);
    }

    private static void insertThroughBindings(Connection connection, String table, List<Column> columns, int rows,
                                              ConnectValues values) throws SQLException {
        Schema idSchema = Schema.INT32_SCHEMA;
        ColumnBinding id = ColumnBindings.forSchema(idSchema);
        List<ColumnBinding> bindings = columns.stream().map(c -> ColumnBindings.forSchema(c.schema())).toList();
        String sql = "INSERT INTO " + table + " (id, " + columns.stream().map(Column::name)
                .collect(Collectors.joining(", ")) + ") VALUES (" + id.placeholder() + ", "
                + bindings.stream().map(ColumnBinding::placeholder).collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 0; row < rows; row++) {
                int index = id.bind(insert, 1, row + 1);
                for (int c = 0; c < columns.size(); c++) {
                    index = bindings.get(c).bind(insert, index, values.of(columns.get(c), row));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String names() {
        return TABLE.columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static long comInsert(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW SESSION STATUS LIKE 'Com_insert'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** A sink-like connection: batches rewritten into multi-row statements, client-side prepared statements. */
    private static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(DESTINATION.jdbcUrl(DATABASE)
                + "&rewriteBatchedStatements=true", DESTINATION.user(), DESTINATION.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute(SESSION);
        }
        return connection;
    }
}
