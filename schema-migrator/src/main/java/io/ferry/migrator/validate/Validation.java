package io.ferry.migrator.validate;

import io.ferry.common.TableId;
import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.settings.Endpoint;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the selected source tables with their destination tables, after the destination has caught up:
 * per key chunk a checksum on each server, and the differing keys of mismatched chunks (see
 * {@code docs/validation.md}). Reads only; each statement sees its own snapshot, so rows written while it runs
 * may show as differences.
 */
public final class Validation {

    private static final Logger LOG = LoggerFactory.getLogger(Validation.class);

    private static final String SELECTED_TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_SCHEMA, TABLE_NAME";

    private final MigratorSettings settings;

    public Validation(MigratorSettings settings) {
        this.settings = settings;
    }

    public ValidationReport run() {
        try (Connection source = open("source", settings.source());
             Connection destination = open("destination", settings.destination())) {
            ServerFlavor sourceFlavor = flavor(source);
            ServerFlavor destinationFlavor = flavor(destination);
            List<TableId> tables = selectedTables(source);
            if (tables.isEmpty()) {
                return ValidationReport.failed("The settings select no table in the source");
            }
            ComparedTableReader reader = new ComparedTableReader(source, destination, sourceFlavor, destinationFlavor,
                    settings.mapping(), settings.columnFilter());
            List<TableResult> results = new ArrayList<>();
            for (TableId table : tables) {
                results.add(validate(table, reader, source, sourceFlavor, destination, destinationFlavor));
            }
            return new ValidationReport(results, List.of());
        } catch (SQLException e) {
            LOG.warn("Validation could not run", e);
            return ValidationReport.failed(e.getMessage());
        }
    }

    private TableResult validate(TableId table, ComparedTableReader reader, Connection source,
                                 ServerFlavor sourceFlavor, Connection destination, ServerFlavor destinationFlavor) {
        TableId target = settings.mapping().table(table);
        LOG.info("Validating {} against {}", table, target);
        long started = System.nanoTime();
        TableResult result;
        try {
            List<String> notes = new ArrayList<>();
            ComparedTable compared = reader.read(table, settings.rowFilters().get(table), notes);
            DifferenceTally tally = new DifferenceTally(settings.validateMaxDifferences());
            if (compared.keyless()) {
                new KeylessTableValidator(compared, source, sourceFlavor, destination, destinationFlavor)
                        .compare(tally);
            } else {
                new KeyedTableValidator(compared, source, sourceFlavor, destination, destinationFlavor,
                        settings.validateChunkRows()).compare(tally);
            }
            result = tally.result(compared, compared.keyless() ? TableResult.KEYLESS : TableResult.KEYED, notes);
        } catch (SQLException | ValidationException e) {
            result = TableResult.failed(table, target, e.getMessage());
        }
        LOG.info("Validated {}: {} ({} source rows, {} chunks, {} missing, {} extra, {} different{}) in {} ms", table,
                result.status(), result.sourceRows(), result.chunks(), result.missing(), result.extra(),
                result.different(), result.error() == null ? "" : "; " + result.error(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private List<TableId> selectedTables(Connection source) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (Statement statement = source.createStatement(); ResultSet rs = statement.executeQuery(SELECTED_TABLES)) {
            while (rs.next()) {
                TableId table = new TableId(rs.getString(1), rs.getString(2));
                if (settings.tableFilter().includes(table)) {
                    tables.add(table);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    /**
     * A connection whose session renders values the same way on both servers: UTF-8 on the wire (key texts
     * round-trip) and UTC, so TIMESTAMP values read the same whatever the servers' time zones.
     */
    private static Connection open(String side, Endpoint endpoint) throws SQLException {
        Properties properties = endpoint.connectionProperties();
        properties.setProperty("characterEncoding", "UTF-8");
        Connection connection;
        try {
            connection = DriverManager.getConnection(endpoint.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new SQLException("Cannot connect to the " + side + " " + endpoint + ": " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION time_zone = '+00:00'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static ServerFlavor flavor(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
            rs.next();
            return ServerFlavor.fromVersion(rs.getString(1));
        }
    }
}
