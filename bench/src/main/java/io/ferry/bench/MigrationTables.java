package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration benchmark's three tables, filled on the source from MariaDB's {@code seq_1_to_N} tables and
 * created identically (from {@code SHOW CREATE TABLE}) but empty in the destination:
 * <ul>
 *   <li>{@code orders}, half the rows: INT key, VARCHAR, DECIMAL(12,2), two DATETIME(6), JSON of ~150 bytes;
 *       {@code changed} is what the incremental workload stamps with the source's commit time;</li>
 *   <li>{@code customers}, 30%: BIGINT key, two VARCHARs, DECIMAL(14,4), DATETIME(6), JSON;</li>
 *   <li>{@code notes}, 20%: BIGINT key, VARCHAR, a 1,024-byte TEXT, DATETIME(6).</li>
 * </ul>
 *
 * @param database  the database holding them, in both servers
 * @param rows      rows per table, in the order above
 * @param textBytes all rows' columns as text, the unit of MB/s
 */
record MigrationTables(String database, Map<String, Long> rows, long textBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationTables.class);
    static final String ORDERS = "orders";
    private static final int LOAD_BATCH = 250_000;
    private static final String TIME = "TIMESTAMP'2020-01-01 00:00:00' + INTERVAL seq SECOND"
            + " + INTERVAL seq % 999999 MICROSECOND";
    private static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        // {CREATE columns, SELECT of one row's values from seq}
        TABLES.put(ORDERS, new String[] {
            "id INT NOT NULL PRIMARY KEY, customer VARCHAR(64) NOT NULL, total DECIMAL(12,2) NOT NULL,"
                    + " placed DATETIME(6) NOT NULL, changed DATETIME(6) NOT NULL, doc JSON NOT NULL",
            "seq, CONCAT('customer-', seq % 300000), ROUND(RAND(seq) * 100000, 2), " + TIME + ", " + TIME
                    + ", JSON_OBJECT('seq', seq, 'status', ELT(1 + seq % 3, 'new', 'paid', 'shipped'),"
                    + " 'lines', JSON_ARRAY(seq % 7, seq % 11, seq % 13), 'note', CONCAT(MD5(seq), SHA1(seq)))"});
        TABLES.put("customers", new String[] {
            "id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL,"
                    + " balance DECIMAL(14,4) NOT NULL, created DATETIME(6) NOT NULL, profile JSON NOT NULL",
            "seq * 1000003, CONCAT('name-', LEFT(MD5(seq), 20)), CONCAT('user', seq, '@example.com'),"
                    + " ROUND(RAND(seq) * 1000000, 4), " + TIME + ", JSON_OBJECT('seq', seq, 'tier', seq % 5,"
                    + " 'tags', JSON_ARRAY(MD5(seq * 3), seq % 17))"});
        TABLES.put("notes", new String[] {
            "id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(128) NOT NULL, body TEXT NOT NULL,"
                    + " written DATETIME(6) NOT NULL",
            "seq, CONCAT('note ', seq, ' ', SHA1(seq)), REPEAT(MD5(seq), 32), " + TIME});
    }

    /** Creates and fills the tables on {@code source}, and creates them empty in {@code destination}. */
    static MigrationTables create(MySqlServer source, MySqlServer destination, String database, int totalRows) {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(ORDERS, (long) totalRows / 2);
        rows.put("customers", (long) totalRows * 3 / 10);
        rows.put("notes", totalRows - rows.get(ORDERS) - rows.get("customers"));
        long textBytes = 0;
        try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
            // The migrations read the tables, not the binlog: loading without binlog saves half the load time.
            statement.execute("SET SESSION sql_log_bin = 0");
            statement.execute("USE `" + database + "`"); // the seq_ tables exist only within a database
            for (Map.Entry<String, Long> table : rows.entrySet()) {
                String[] spec = TABLES.get(table.getKey());
                statement.execute("CREATE TABLE `" + table.getKey() + "` (" + spec[0] + ")");
                for (long from = 1; from <= table.getValue(); from += LOAD_BATCH) {
                    long to = Math.min(table.getValue(), from + LOAD_BATCH - 1);
                    statement.execute("INSERT INTO `" + table.getKey() + "` SELECT " + spec[1] + " FROM seq_" + from
                            + "_to_" + to);
                }
                statement.execute("ANALYZE TABLE `" + table.getKey() + "`");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the migration tables: " + e.getMessage(), e);
        }
        MigrationTables tables = new MigrationTables(database, Map.copyOf(rows), 0);
        for (String table : rows.keySet()) {
            textBytes += Long.parseLong(source.queryString("SELECT SUM(LENGTH(CONCAT_WS('', "
                    + String.join(", ", tables.columns(source, table)) + "))) FROM " + tables.quoted(table)));
            String ddl = source.queryRows("SHOW CREATE TABLE " + tables.quoted(table)).get(0).get(1);
            destination.execute("USE `" + database + "`", ddl);
        }
        LOG.info("Loaded {} rows ({} MB as text) in {} s", rows, textBytes / 1_000_000,
                (System.nanoTime() - started) / 1_000_000_000);
        return new MigrationTables(database, rows, textBytes);
    }

    List<String> names() {
        return new ArrayList<>(rows.keySet());
    }

    long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    double bytesPerRow() {
        return (double) textBytes / totalRows();
    }

    String quoted(String table) {
        return "`" + database + "`.`" + table + "`";
    }

    /** The table's columns in order, quoted. */
    List<String> columns(MySqlServer server, String table) {
        return server.queryRows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + database + "' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION").stream()
                .map(row -> "`" + row.get(0) + "`").toList();
    }

    /** Every table's digest over the source's columns (a destination may have more, see the lag scenario). */
    Map<String, TableDigest> digests(MySqlServer server, MySqlServer columnsFrom) {
        return digests(server, columnsFrom, names());
    }

    /** The digests of the named tables only. */
    Map<String, TableDigest> digests(MySqlServer server, MySqlServer columnsFrom, List<String> names) {
        Map<String, TableDigest> digests = new LinkedHashMap<>();
        for (String table : names) {
            digests.put(table, TableDigest.of(server, database, table, columns(columnsFrom, table)));
        }
        return digests;
    }

    /** Empties the destination's tables between runs (not timed). */
    void truncate(MySqlServer destination) {
        rows.keySet().forEach(table -> destination.execute("TRUNCATE TABLE " + quoted(table)));
    }

    /** Table include pattern for the source connectors, Ferry's and Debezium's. */
    String includePattern() {
        return database + "\\.(" + String.join("|", rows.keySet()) + ")";
    }
}
