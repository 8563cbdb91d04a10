package io.ferry.migrator.settings;

import io.ferry.common.ColumnFilter;
import io.ferry.common.TableFilter;
import io.ferry.common.TableId;
import io.ferry.common.mapping.CasePolicy;
import io.ferry.common.mapping.NameMapping;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one migration is: the two servers, which tables, their destination names, what to do and how strictly.
 * Immutable, parsed once from flat keys (a {@code .properties} file for now; the {@code ferry} command will
 * compile its task file into the same keys). Every error is a {@link SettingsException} naming the key.
 */
public final class MigratorSettings {

    public static final String SOURCE_PREFIX = "source.";
    public static final String DESTINATION_PREFIX = "destination.";
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String SSL_MODE = "ssl.mode";
    public static final String SSL_CA = "ssl.ca";
    public static final String DATABASE_INCLUDE = "database.include";
    public static final String DATABASE_EXCLUDE = "database.exclude";
    public static final String TABLE_INCLUDE = "table.include";
    public static final String TABLE_EXCLUDE = "table.exclude";
    public static final String MAPPING_RULES = "mapping.rules";
    public static final String MAPPING_CASE = "mapping.case";
    public static final String MIGRATION_TYPES = "migration.types";
    public static final String CONFLICT_TABLES = "conflict.tables";
    public static final String BINLOG_RETENTION_HOURS = "binlog.retention.hours";
    public static final String COLUMN_EXCLUDE = "column.exclude";
    /** Prefix of the per-table row filter keys, {@code row.filter.<db>.<table>}, as the source connector's. */
    public static final String ROW_FILTER_PREFIX = "row.filter.";
    public static final String SCHEMA_EVENTS = "schema.events";
    public static final String ACCOUNTS_INCLUDE = "accounts.include";
    public static final String VALIDATE_CHUNK_ROWS = "validate.chunk.rows";
    public static final String VALIDATE_MAX_DIFFERENCES = "validate.max.differences";

    /** Every key with its documentation, in the order the reference lists them. */
    public static final Map<String, String> KEYS = keys();

    private final Endpoint source;
    private final Endpoint destination;
    private final TableFilter tableFilter;
    private final NameMapping mapping;
    private final Set<MigrationType> types;
    private final ConflictPolicy conflictTables;
    private final Duration binlogRetention;
    private final ColumnFilter columnFilter;
    private final Map<TableId, String> rowFilters;
    private final boolean schemaEvents;
    private final List<String> accountsInclude;
    private final int validateChunkRows;
    private final int validateMaxDifferences;

    private MigratorSettings(Map<String, String> values) {
        Map<String, String> unknown = new LinkedHashMap<>(values);
        KEYS.keySet().forEach(unknown::remove);
        unknown.keySet().removeIf(k -> k.startsWith(ROW_FILTER_PREFIX));
        if (!unknown.isEmpty()) {
            throw new SettingsException("Unknown setting(s) " + new TreeSet<>(unknown.keySet()) + "; known keys: "
                    + String.join(", ", KEYS.keySet()));
        }
        Keys keys = new Keys(values);
        source = endpoint(keys, SOURCE_PREFIX);
        destination = endpoint(keys, DESTINATION_PREFIX);
        for (String key : List.of(DATABASE_INCLUDE, DATABASE_EXCLUDE, TABLE_INCLUDE, TABLE_EXCLUDE)) {
            keys.parse(key, v -> {
                TableFilter.validatePatterns(list(v));
                return null;
            });
        }
        tableFilter = new TableFilter(list(keys.get(DATABASE_INCLUDE, "")), list(keys.get(DATABASE_EXCLUDE, "")),
                list(keys.get(TABLE_INCLUDE, "")), list(keys.get(TABLE_EXCLUDE, "")));
        CasePolicy casePolicy = keys.parse(MAPPING_CASE, CasePolicy::parse);
        mapping = keys.parse(MAPPING_RULES, v -> NameMapping.parse(list(v), casePolicy));
        types = keys.parse(MIGRATION_TYPES, MigratorSettings::types);
        conflictTables = keys.parse(CONFLICT_TABLES, ConflictPolicy::parse);
        int hours = keys.parse(BINLOG_RETENTION_HOURS, Integer::parseInt);
        if (hours < 0) {
            throw new SettingsException(BINLOG_RETENTION_HOURS + " must be 0 or more hours, got " + hours);
        }
        binlogRetention = Duration.ofHours(hours);
        columnFilter = keys.parse(COLUMN_EXCLUDE, v -> new ColumnFilter(list(v)));
        rowFilters = rowFilters(values);
        schemaEvents = keys.parse(SCHEMA_EVENTS, MigratorSettings::bool);
        accountsInclude = keys.parse(ACCOUNTS_INCLUDE, MigratorSettings::list);
        validateChunkRows = keys.parse(VALIDATE_CHUNK_ROWS, v -> positive(v, 1));
        validateMaxDifferences = keys.parse(VALIDATE_MAX_DIFFERENCES, v -> positive(v, 0));
    }

    /** Settings from flat keys; defaults fill what is missing. */
    public static MigratorSettings of(Map<String, String> values) {
        return new MigratorSettings(values);
    }

    /** Settings from a {@code .properties} file (UTF-8). */
    public static MigratorSettings load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("Cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return of(values);
    }

    public Endpoint source() {
        return source;
    }

    public Endpoint destination() {
        return destination;
    }

    public TableFilter tableFilter() {
        return tableFilter;
    }

    public NameMapping mapping() {
        return mapping;
    }

    public Set<MigrationType> types() {
        return types;
    }

    public boolean includes(MigrationType type) {
        return types.contains(type);
    }

    public ConflictPolicy conflictTables() {
        return conflictTables;
    }

    /** How long the source must keep binlogs (how long the stream may pause and still resume). */
    public Duration binlogRetention() {
        return binlogRetention;
    }

    /** Columns left out of the schema copy, the connectors and validation ({@code db.table.column} patterns). */
    public ColumnFilter columnFilter() {
        return columnFilter;
    }

    /** The row filter (a SQL condition on source column names) of each table that has one. */
    public Map<TableId, String> rowFilters() {
        return rowFilters;
    }

    /** Whether the schema copy includes scheduled events (off by default, as DTS). */
    public boolean schemaEvents() {
        return schemaEvents;
    }

    /** Accounts to copy with {@code --accounts}: {@code user@host} patterns ({@code %} and {@code _} wildcards). */
    public List<String> accountsInclude() {
        return accountsInclude;
    }

    /** Rows per checksum chunk in validation. */
    public int validateChunkRows() {
        return validateChunkRows;
    }

    /** How many differing keys validation lists per table (0: only counts). */
    public int validateMaxDifferences() {
        return validateMaxDifferences;
    }

    private static Map<TableId, String> rowFilters(Map<String, String> values) {
        Map<TableId, String> filters = new LinkedHashMap<>();
        new TreeMap<>(values).forEach((key, value) -> {
            if (!key.startsWith(ROW_FILTER_PREFIX)) {
                return;
            }
            TableId table;
            try {
                table = TableId.parse(key.substring(ROW_FILTER_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(key + ": the key must name a table as row.filter.<db>.<table>", e);
            }
            if (value == null || value.isBlank()) {
                throw new SettingsException(key + ": the condition is empty");
            }
            filters.put(table, value.trim());
        });
        return Collections.unmodifiableMap(filters);
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }

    private static int positive(String value, int min) {
        int n = Integer.parseInt(value);
        if (n < min) {
            throw new IllegalArgumentException("must be at least " + min + ", got " + n);
        }
        return n;
    }

    private static Endpoint endpoint(Keys keys, String prefix) {
        String host = keys.required(prefix + HOST);
        int port = keys.parse(prefix + PORT, Integer::parseInt);
        if (port < 1 || port > 65_535) {
            throw new SettingsException(prefix + PORT + " must be between 1 and 65535, got " + port);
        }
        SslMode sslMode = keys.parse(prefix + SSL_MODE, SslMode::parse);
        String ca = keys.get(prefix + SSL_CA, "").trim();
        if (sslMode == SslMode.VERIFY_CA && ca.isEmpty()) {
            throw new SettingsException(prefix + SSL_CA + " is required when " + prefix + SSL_MODE
                    + " is verify-ca: the PEM file of the CA that signed the server certificate");
        }
        Path caFile = ca.isEmpty() ? null : Path.of(ca);
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new SettingsException(prefix + SSL_CA + " names " + ca + ", which is not a readable file");
        }
        return new Endpoint(host, port, keys.required(prefix + USER), keys.get(prefix + PASSWORD, ""), sslMode,
                caFile);
    }

    private static Set<MigrationType> types(String value) {
        List<String> names = list(value);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one of schema, full, incremental is needed");
        }
        Set<MigrationType> result = EnumSet.noneOf(MigrationType.class);
        names.forEach(n -> result.add(MigrationType.parse(n)));
        return Set.copyOf(result);
    }

    /** Comma-separated, as the connectors' list keys are. */
    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String prefix : List.of(SOURCE_PREFIX, DESTINATION_PREFIX)) {
            String side = prefix.substring(0, prefix.length() - 1);
            keys.put(prefix + HOST, "Host name or address of the " + side + " server (required)");
            keys.put(prefix + PORT, "Port of the " + side + " server (default 3306)");
            keys.put(prefix + USER, "Account on the " + side + " server (required)");
            keys.put(prefix + PASSWORD, "Its password (default empty)");
            keys.put(prefix + SSL_MODE, "disabled, preferred (default), required or verify-ca");
            keys.put(prefix + SSL_CA, "PEM file of the CA for verify-ca");
        }
        keys.put(DATABASE_INCLUDE, "Databases to migrate: comma-separated regular expressions (default all)");
        keys.put(DATABASE_EXCLUDE, "Databases to leave out: comma-separated regular expressions");
        keys.put(TABLE_INCLUDE, "Tables to migrate: comma-separated regular expressions on db.table (default all)");
        keys.put(TABLE_EXCLUDE, "Tables to leave out: comma-separated regular expressions on db.table");
        keys.put(MAPPING_RULES, "Destination names: comma-separated rules db=db2, db.t=db2.t2, db.t.c=c2");
        keys.put(MAPPING_CASE, "Spelling of names no rule maps: as-source (default), lower or upper");
        keys.put(MIGRATION_TYPES, "Comma-separated: schema, full, incremental (default all three)");
        keys.put(CONFLICT_TABLES, "Destination tables that already exist: error (default) or ignore");
        keys.put(BINLOG_RETENTION_HOURS, "Hours the source must keep binlogs for incremental (default 24)");
        keys.put(COLUMN_EXCLUDE, "Columns to leave out: comma-separated regular expressions on db.table.column");
        keys.put(ROW_FILTER_PREFIX + "<db>.<table>", "SQL condition on source columns the rows of a table must meet"
                + " (as the source connector's key; used by validation)");
        keys.put(SCHEMA_EVENTS, "Copy scheduled events too: true or false (default false)");
        keys.put(ACCOUNTS_INCLUDE, "Accounts migrate --accounts copies: comma-separated user@host patterns (% and _)");
        keys.put(VALIDATE_CHUNK_ROWS, "Rows per checksum chunk in validate (default 10000)");
        keys.put(VALIDATE_MAX_DIFFERENCES, "Differing keys validate lists per table (default 20)");
        return Collections.unmodifiableMap(keys);
    }

    /** Reads keys, with defaults, turning parse errors into messages that name the key. */
    private record Keys(Map<String, String> values) {

        private static final Map<String, String> DEFAULTS = Map.ofEntries(
                Map.entry(SOURCE_PREFIX + PORT, "3306"), Map.entry(DESTINATION_PREFIX + PORT, "3306"),
                Map.entry(SOURCE_PREFIX + SSL_MODE, "preferred"), Map.entry(DESTINATION_PREFIX + SSL_MODE, "preferred"),
                Map.entry(MAPPING_RULES, ""), Map.entry(MAPPING_CASE, "as-source"),
                Map.entry(MIGRATION_TYPES, "schema,full,incremental"), Map.entry(CONFLICT_TABLES, "error"),
                Map.entry(BINLOG_RETENTION_HOURS, "24"), Map.entry(SCHEMA_EVENTS, "false"),
                Map.entry(VALIDATE_CHUNK_ROWS, "10000"), Map.entry(VALIDATE_MAX_DIFFERENCES, "20"));

        String get(String key, String fallback) {
            String value = values.get(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        String required(String key) {
            String value = get(key, null);
            if (value == null) {
                throw new SettingsException(key + " is required");
            }
            return value;
        }

        <T> T parse(String key, Function<String, T> parser) {
            String value = get(key, DEFAULTS.getOrDefault(key, ""));
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                String detail = e instanceof NumberFormatException ? "'" + value + "' is not a whole number"
                        : e.getMessage();
                throw new SettingsException(key + ": " + detail, e);
            }
        }
    }
}
