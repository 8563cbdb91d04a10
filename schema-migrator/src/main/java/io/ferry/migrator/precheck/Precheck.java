package io.ferry.migrator.precheck;

import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.items.BinlogCheck;
import io.ferry.migrator.precheck.items.CharsetCheck;
import io.ferry.migrator.precheck.items.ConflictingTablesCheck;
import io.ferry.migrator.precheck.items.DestinationNamesCheck;
import io.ferry.migrator.precheck.items.DestinationPrivilegesCheck;
import io.ferry.migrator.precheck.items.FreeSpaceCheck;
import io.ferry.migrator.precheck.items.KeylessTablesCheck;
import io.ferry.migrator.precheck.items.LowerCaseTableNamesCheck;
import io.ferry.migrator.precheck.items.SelectionCheck;
import io.ferry.migrator.precheck.items.SourcePrivilegesCheck;
import io.ferry.migrator.precheck.items.VersionCheck;
import io.ferry.migrator.settings.Endpoint;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before anything is written, that a migration can run: connects to both servers, then runs the items
 * the chosen migration types need. Items whose server is unreachable are reported as skipped; an item that
 * cannot read what it needs fails with the server's message.
 */
public final class Precheck {

    private static final Logger LOG = LoggerFactory.getLogger(Precheck.class);

    private final MigratorSettings settings;
    private final List<PrecheckItem> items;

    public Precheck(MigratorSettings settings) {
        this(settings, standardItems());
    }

    public Precheck(MigratorSettings settings, List<PrecheckItem> items) {
        this.settings = settings;
        this.items = List.copyOf(items);
    }

    /** Every item, in the order they are reported (connectivity comes first, from {@link #run()} itself). */
    public static List<PrecheckItem> standardItems() {
        return List.of(new VersionCheck(), new SelectionCheck(), new SourcePrivilegesCheck(),
                new DestinationPrivilegesCheck(), new BinlogCheck(), new ConflictingTablesCheck(),
                new KeylessTablesCheck(), new DestinationNamesCheck(), new LowerCaseTableNamesCheck(),
                new CharsetCheck(), new FreeSpaceCheck());
    }

    public PrecheckReport run() {
        List<Finding> connectivity = new ArrayList<>();
        Connection source = open("source", settings.source(), connectivity);
        Connection destination = open("destination", settings.destination(), connectivity);
        List<ItemResult> results = new ArrayList<>();
        results.add(new ItemResult("connectivity", "Connectivity to source and destination", connectivity, ""));
        try {
            PrecheckContext context = new PrecheckContext(settings, source, destination);
            for (PrecheckItem item : items) {
                if (!item.appliesTo(settings)) {
                    continue;
                }
                if (item.needs().contains(PrecheckItem.Side.SOURCE) && source == null
                        || item.needs().contains(PrecheckItem.Side.DESTINATION) && destination == null) {
                    results.add(ItemResult.skipped(item, "a server it reads is unreachable"));
                    continue;
                }
                LOG.debug("Precheck item {}", item.name());
                results.add(ItemResult.ran(item, run(item, context)));
            }
        } finally {
            close(source);
            close(destination);
        }
        return new PrecheckReport(results);
    }

    private static List<Finding> run(PrecheckItem item, PrecheckContext context) {
        try {
            return item.check(context);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Precheck item {} could not run", item.name(), e);
            return List.of(Finding.failure(item.name(), "Could not check: " + e.getMessage(),
                    "Fix the cause above (often a missing privilege on information_schema or mysql) and rerun"));
        }
    }

    private static Connection open(String side, Endpoint endpoint, List<Finding> findings) {
        try {
            Connection connection = endpoint.connect();
            String version = PrecheckContext.string(connection, "SELECT VERSION()");
            List<List<String>> cipher = PrecheckContext.rows(connection, "SHOW SESSION STATUS LIKE 'Ssl_cipher'");
            String tls = cipher.isEmpty() || cipher.get(0).get(1) == null || cipher.get(0).get(1).isEmpty()
                    ? "without TLS" : "with TLS (" + cipher.get(0).get(1) + ")";
            findings.add(Finding.pass(side, "Connected to " + endpoint + ", " + version + ", " + tls));
            return connection;
        } catch (SQLException e) {
            boolean credentials = "28000".equals(e.getSQLState());
            String prefix = side + ".";
            findings.add(Finding.failure(side, "Cannot connect to " + endpoint + ": " + reason(e), credentials
                    ? "Check " + prefix + "user and " + prefix + "password, and that the account may connect from"
                    + " this host"
                    : "Check " + prefix + "host, " + prefix + "port and " + prefix + "ssl.mode, and that a firewall"
                    + " lets this host through"));
            return null;
        }
    }

    /** Connector/J's first line plus the root cause ("Connection refused"), which its message leaves out. */
    static String reason(Throwable e) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("").trim();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == e || root.getMessage() == null ? "" : root.getMessage().trim();
        return cause.isEmpty() || first.contains(cause) ? first : first + " (" + cause + ")";
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing a precheck connection failed", e);
            }
        }
    }
}
