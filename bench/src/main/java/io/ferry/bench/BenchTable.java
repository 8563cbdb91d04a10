package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's table, filled on the server itself from MariaDB's {@code seq_1_to_N} sequence engine:
 * a BIGINT key and the column types a migration meets most (VARCHAR, DECIMAL, DATETIME(6), JSON of about
 * 200 bytes), about 300 bytes a row.
 *
 * <p>Without {@code withDateTime} the DATETIME(6) column is a BIGINT of epoch microseconds instead (same
 * stored width): Ferry's snapshot currently fails on temporal columns read through a server cursor (the
 * converters parse the text protocol's bytes, but {@code useCursorFetch=true} delivers the binary protocol's).
 */
record BenchTable(String database, String table, long rows, long textBytes, boolean withDateTime) {

    private static final Logger LOG = LoggerFactory.getLogger(BenchTable.class);
    private static final int LOAD_BATCH = 250_000;
    private static final String CREATED =
            "TIMESTAMP'2020-01-01 00:00:00' + INTERVAL seq SECOND + INTERVAL seq % 999999 MICROSECOND, ";

    /** Creates {@code database.table} (the database must exist) with {@code rows} rows and measures it. */
    static BenchTable load(MySqlServer server, String database, String table, int rows, boolean withDateTime) {
        String name = "`" + database + "`.`" + table + "`";
        long started = System.nanoTime();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            // The snapshot reads the table, not the binlog: loading without binlog saves half the load time.
            statement.execute("SET SESSION sql_log_bin = 0");
            statement.execute("USE `" + database + "`"); // the seq_ tables exist only within a database
            statement.execute("CREATE TABLE " + name + " ("
                    + "id BIGINT NOT NULL PRIMARY KEY, "
                    + "name VARCHAR(64) NOT NULL, "
                    + "amount DECIMAL(12,2) NOT NULL, "
                    + (withDateTime ? "created DATETIME(6) NOT NULL, " : "created_us BIGINT NOT NULL, ")
                    + "doc JSON NOT NULL)");
            for (long from = 1; from <= rows; from += LOAD_BATCH) {
                long to = Math.min(rows, from + LOAD_BATCH - 1);
                statement.execute(insertFromSequence(name, from, to, withDateTime));
            }
            statement.execute("ANALYZE TABLE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load " + name + ": " + e.getMessage(), e);
        }
        long textBytes = Long.parseLong(server.queryString("SELECT SUM(LENGTH(id) + LENGTH(name) + LENGTH(amount)"
                + " + LENGTH(" + (withDateTime ? "created" : "created_us") + ") + LENGTH(doc)) FROM " + name));
        LOG.info("Loaded {} rows into {} in {} s, {} MB as text", rows, name,
                (System.nanoTime() - started) / 1_000_000_000, textBytes / 1_000_000);
        return new BenchTable(database, table, rows, textBytes, withDateTime);
    }

    /**
     * {@code INSERT} of the rows with keys {@code from..to} (inclusive) into the table {@code quotedName}, their
     * values made from the key alone; run inside a database (the {@code seq_} tables exist only there).
     */
    static String insertFromSequence(String quotedName, long from, long to, boolean withDateTime) {
        return "INSERT INTO " + quotedName + " SELECT seq, "
                + "CONCAT('customer-', seq, '-', LEFT(MD5(seq), 16)), "
                + "ROUND(RAND(seq) * 1000000, 2), "
                + (withDateTime ? CREATED : "1577836800000000 + seq * 1000001, ")
                + "JSON_OBJECT('seq', seq, 'status', ELT(1 + seq % 3, 'new', 'paid', 'shipped'), "
                + "'tags', JSON_ARRAY(seq % 7, seq % 11), "
                + "'note', CONCAT(MD5(seq), SHA1(seq), MD5(seq * 7), SHA1(seq * 3))) "
                + "FROM seq_" + from + "_to_" + to;
    }

    String qualifiedName() {
        return database + "." + table;
    }

    String quotedName() {
        return "`" + database + "`.`" + table + "`";
    }

    /** Average row size with every column as text: the unit of the MB/s column. */
    double bytesPerRow() {
        return (double) textBytes / rows;
    }
}
