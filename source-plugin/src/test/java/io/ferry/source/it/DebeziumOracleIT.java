package io.ferry.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.schema.AllTypesTable;
import io.ferry.source.schema.DefaultsTable;
import io.ferry.testkit.connect.ChangeTopic;
import io.ferry.testkit.connect.ChangeTopic.Event;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference oracle: Ferry's source connector and the real Debezium MariaDB connector capture the same
 * table with a column of every type ({@link AllTypesTable}), side by side in one Connect cluster. Their
 * events for the same key and operation must agree field by field, in value and in field schema, except for
 * the documented, deliberate differences in {@link DeliberateDifferences}. A second table ({@link DefaultsTable})
 * has a DEFAULT of every kind, to compare the field schemas' defaults, also after a DDL that changes a default.
 */
class DebeziumOracleIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FERRY = "ferry";
    private static final String DEBEZIUM = "dbz";
    private static final String NOT_NULL = "ferrynn";
    private static final String TABLE = AllTypesTable.DATABASE + "." + AllTypesTable.TABLE;
    private static final String TABLES = TABLE.replace(".", "\\.") + "|" + DefaultsTable.NAME.replace(".", "\\.");
    /** Streamed rows are copies of the snapshot rows with this added to the id. */
    private static final int STREAM_ID_OFFSET = 10;
    /** Row {@code 11 + i} is updated to the values of row {@code UPDATED_FROM[i]}: each row is an after-image once. */
    private static final int[] UPDATED_FROM = {2, 4, 1, 5, 3};
    private static final int DELETED = 13;

    private static List<Event> ferryEvents;
    private static List<Event> debeziumEvents;
    private static List<Event> ferryDefaults;
    private static List<Event> debeziumDefaults;
    /** The defaults table captured by Ferry with the default {@code column.defaults=not_null}. */
    private static List<Event> notNullDefaults;

    @BeforeAll
    static void captureTheSameRowsWithBothConnectors() {
        SOURCE.createDatabase(AllTypesTable.DATABASE);
        SOURCE.execute(AllTypesTable.DDL);
        SOURCE.execute(AllTypesTable.INSERTS.toArray(String[]::new));
        SOURCE.execute(DefaultsTable.DDL.toArray(String[]::new));
        SOURCE.execute("SET SESSION sql_mode = ''", DefaultsTable.insertDefaults(1));

        Map<String, String> ferryConfig = SourceConnectors.config(SOURCE, FERRY, TABLES, 1);
        ferryConfig.put(MySqlSourceConfig.COLUMN_DEFAULTS_CONFIG, "all");
        CONNECT.deploy(FERRY, ferryConfig);
        CONNECT.deploy(NOT_NULL, SourceConnectors.config(SOURCE, NOT_NULL, DefaultsTable.NAME.replace(".", "\\."), 1));
        CONNECT.deploy(DEBEZIUM, debeziumConfig());
        ChangeTopic ferryTopic = new ChangeTopic(CONNECT, FERRY + "." + TABLE);
        ChangeTopic debeziumTopic = new ChangeTopic(CONNECT, DEBEZIUM + "." + TABLE);
        ChangeTopic ferryDefaultsTopic = new ChangeTopic(CONNECT, FERRY + "." + DefaultsTable.NAME);
        ChangeTopic debeziumDefaultsTopic = new ChangeTopic(CONNECT, DEBEZIUM + "." + DefaultsTable.NAME);
        ChangeTopic notNullTopic = new ChangeTopic(CONNECT, NOT_NULL + "." + DefaultsTable.NAME);
        ferryTopic.await(events -> count(events, "r") == AllTypesTable.ROWS, TIMEOUT);
        debeziumTopic.await(events -> count(events, "r") == AllTypesTable.ROWS, TIMEOUT);
        ferryDefaultsTopic.await(events -> count(events, "r") == 1, TIMEOUT);
        debeziumDefaultsTopic.await(events -> count(events, "r") == 1, TIMEOUT);
        // Ferry streams once its stream offset is stored; Debezium's binlog position predates its snapshot reads.
        for (String ferry : List.of(FERRY, NOT_NULL)) {
            Awaitility.await("streaming of " + ferry).atMost(TIMEOUT).ignoreExceptions().until(() ->
                    CONNECT.offsets(ferry).stream().anyMatch(o -> !o.get("partition").containsKey("table")));
        }

        SOURCE.execute(streamedChanges().toArray(String[]::new));
        int changes = 2 * AllTypesTable.ROWS + 1;
        ferryEvents = ferryTopic.await(events -> count(events, "c", "u", "d") == changes, TIMEOUT);
        debeziumEvents = debeziumTopic.await(events -> count(events, "c", "u", "d") == changes, TIMEOUT);

        SOURCE.execute("SET SESSION sql_mode = ''", DefaultsTable.insertDefaults(2));
        // The stream reads defaults from information_schema, which describes the table now (a documented limit,
        // docs/type-mapping.md): let every reader pass row 2 before the DDL changes the default.
        ferryDefaultsTopic.await(events -> count(events, "c") == 1, TIMEOUT);
        debeziumDefaultsTopic.await(events -> count(events, "c") == 1, TIMEOUT);
        notNullTopic.await(events -> count(events, "c") == 1, TIMEOUT);
        SOURCE.execute("SET SESSION sql_mode = ''", DefaultsTable.ALTER_DEFAULT, DefaultsTable.insertDefaults(3),
                DefaultsTable.insertNulls(4));
        ferryDefaults = ferryDefaultsTopic.await(events -> count(events, "c") == 3, TIMEOUT);
        debeziumDefaults = debeziumDefaultsTopic.await(events -> count(events, "c") == 3, TIMEOUT);
        notNullDefaults = notNullTopic.await(events -> count(events, "c") == 3, TIMEOUT);
    }

    @Test
    void everySnapshotAndStreamedEventAgreesWithDebeziumsFieldByField() {
        Map<String, Event> ferry = byKeyAndOp(ferryEvents);
        Map<String, Event> debezium = byKeyAndOp(debeziumEvents);
        assertThat(ferry.keySet()).as("events by key and op").isEqualTo(debezium.keySet());
        assertThat(ferry.keySet()).hasSize(3 * AllTypesTable.ROWS + 1);

        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, Event> entry : debezium.entrySet()) {
            Event expected = entry.getValue();
            Event actual = ferry.get(entry.getKey());
            compareRows(entry.getKey() + " before", actual.before(), expected.before(), differences);
            compareRows(entry.getKey() + " after", actual.after(), expected.after(), differences);
        }
        assertOnlyDeliberate(differences, DeliberateDifferences.VALUES);
    }

    @Test
    void fieldSchemasAgreeWithDebeziums() {
        JsonNode ferryRow = rowSchema(ferryEvents.get(0));
        JsonNode debeziumRow = rowSchema(debeziumEvents.get(0));
        assertThat(fieldNames(ferryRow)).as("columns in order").isEqualTo(fieldNames(debeziumRow));
        assertThat(ferryRow.get("name").asText()).isEqualTo(FERRY + "." + TABLE + ".Value");
        assertThat(debeziumRow.get("name").asText()).isEqualTo(DEBEZIUM + "." + TABLE + ".Value");
        assertThat(ferryRow.get("optional")).isEqualTo(debeziumRow.get("optional"));
        JsonNode ferryKey = withoutName(ferryEvents.get(0).keySchema());
        JsonNode debeziumKey = withoutName(debeziumEvents.get(0).keySchema());
        assertThat(ferryKey).as("key schema").isEqualTo(debeziumKey);

        List<Difference> differences = new ArrayList<>();
        compareFieldSchemas("schema", ferryRow, debeziumRow, differences);
        assertOnlyDeliberate(differences, DeliberateDifferences.SCHEMAS);
    }

    /**
     * Every DEFAULT of the defaults table, in the snapshot, in the stream, and after a DDL that changed one:
     * field schemas and streamed values agree with Debezium's.
     */
    @Test
    void columnDefaultsAgreeWithDebeziumsInSnapshotStreamAndAfterDdl() {
        Map<String, Event> ferry = byKeyAndOp(ferryDefaults);
        Map<String, Event> debezium = byKeyAndOp(debeziumDefaults);
        assertThat(ferry.keySet()).as("events by key and op").isEqualTo(debezium.keySet()).hasSize(4);
        List<Difference> schemas = new ArrayList<>();
        List<Difference> values = new ArrayList<>();
        for (Map.Entry<String, Event> entry : debezium.entrySet()) {
            Event actual = ferry.get(entry.getKey());
            compareFieldSchemas(entry.getKey() + " schema", rowSchema(actual), rowSchema(entry.getValue()), schemas);
            if (entry.getValue().op().equals("c")) {
                compareRows(entry.getKey() + " after", actual.after(), entry.getValue().after(), values);
            }
        }
        assertOnlyDeliberate(schemas, DeliberateDifferences.DEFAULTS_SCHEMAS);
        assertOnlyDeliberate(values, DeliberateDifferences.DEFAULTS_VALUES);
        assertThat(rowSchema(ferry.get("{\"id\":3}/c")).toString()).as("the DDL changed d_int's default")
                .isNotEqualTo(rowSchema(ferry.get("{\"id\":2}/c")).toString());
    }

    /**
     * With {@code column.defaults=all}, as with Debezium, the JSON converter (replace.null.with.default=true, its
     * default) writes a NULL of a nullable column with a DEFAULT as the DEFAULT. Ferry's default, not_null, keeps
     * the defaults of NOT NULL columns only, exactly as Debezium's, and NULLs stay NULL.
     */
    @Test
    void byDefaultOnlyNotNullColumnsHaveDefaultsSoThatNullsStayNull() {
        String nulls = "{\"id\":4}/c";
        assertThat(byKeyAndOp(debeziumDefaults).get(nulls).after().get("d_tinyint").asInt()).isEqualTo(-5);
        assertThat(byKeyAndOp(ferryDefaults).get(nulls).after().get("d_tinyint").asInt()).isEqualTo(-5);
        JsonNode after = byKeyAndOp(notNullDefaults).get(nulls).after();
        for (String column : DefaultsTable.NULLED) {
            assertThat(after.get(column).isNull()).as(column + " is NULL").isTrue();
        }
        Map<String, Event> debezium = byKeyAndOp(debeziumDefaults);
        for (Map.Entry<String, Event> entry : byKeyAndOp(notNullDefaults).entrySet()) {
            Map<String, JsonNode> expected = fields(rowSchema(debezium.get(entry.getKey())));
            fields(rowSchema(entry.getValue())).forEach((column, field) -> {
                JsonNode debeziumDefault = expected.get(column).get("default");
                if (field.get("optional").asBoolean()) {
                    assertThat(field.get("default")).as(column + " default").isNull();
                } else if (!Objects.equals(field.get("default"), debeziumDefault)) {
                    Difference difference = new Difference(column, "schema.default", entry.getKey(),
                            String.valueOf(field.get("default")), String.valueOf(debeziumDefault));
                    assertThat(DeliberateDifferences.DEFAULTS_SCHEMAS).as(difference.toString())
                            .anyMatch(allowed -> allowed.matches(difference));
                }
            });
        }
    }

    private static void compareFieldSchemas(String where, JsonNode ferryRow, JsonNode debeziumRow,
            List<Difference> out) {
        Map<String, JsonNode> ferryFields = fields(ferryRow);
        for (Map.Entry<String, JsonNode> expected : fields(debeziumRow).entrySet()) {
            JsonNode actual = ferryFields.get(expected.getKey());
            assertThat(actual).as(where + " field " + expected.getKey()).isNotNull();
            Set<String> attributes = new TreeSet<>();
            actual.fieldNames().forEachRemaining(attributes::add);
            expected.getValue().fieldNames().forEachRemaining(attributes::add);
            for (String attribute : attributes) {
                JsonNode ferryValue = actual.get(attribute);
                JsonNode debeziumValue = expected.getValue().get(attribute);
                if (!Objects.equals(ferryValue, debeziumValue)) {
                    out.add(new Difference(expected.getKey(), "schema." + attribute, where,
                            String.valueOf(ferryValue), String.valueOf(debeziumValue)));
                }
            }
        }
    }

    /** One way in which Ferry's event differs from Debezium's: a column, what differs, and both sides. */
    record Difference(String column, String aspect, String where, String ferry, String debezium) {
        @Override
        public String toString() {
            return where + " " + column + " " + aspect + ": ferry " + ferry + " vs debezium " + debezium;
        }
    }

    private static void assertOnlyDeliberate(List<Difference> differences,
            List<DeliberateDifferences.Allowed> allowed) {
        List<Difference> unexpected = differences.stream()
                .filter(d -> allowed.stream().noneMatch(a -> a.matches(d))).toList();
        Set<DeliberateDifferences.Allowed> unused = new LinkedHashSet<>(allowed);
        differences.forEach(d -> unused.removeIf(a -> a.matches(d)));
        assertThat(unexpected).as("differences from Debezium that docs/type-mapping.md does not list").isEmpty();
        assertThat(unused).as("allow-listed differences no longer seen: remove them here and in the docs")
                .isEmpty();
    }

    private static void compareRows(String where, JsonNode ferry, JsonNode debezium, List<Difference> out) {
        if (ferry == null || ferry.isNull() || debezium == null || debezium.isNull()) {
            assertThat(isNull(ferry)).as(where + " is null").isEqualTo(isNull(debezium));
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        debezium.fieldNames().forEachRemaining(columns::add);
        ferry.fieldNames().forEachRemaining(columns::add);
        for (String column : columns) {
            JsonNode f = ferry.get(column);
            JsonNode d = debezium.get(column);
            if (!Objects.equals(f, d)) {
                out.add(new Difference(column, "value", where, String.valueOf(f), String.valueOf(d)));
            }
        }
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull();
    }

    /** Events by {@code <key>/<op>}; tombstones left out. Each key has at most one event of each op here. */
    private static Map<String, Event> byKeyAndOp(List<Event> events) {
        Map<String, Event> byKey = new LinkedHashMap<>();
        for (Event event : events) {
            if (event.value() != null) {
                Event previous = byKey.put(event.key() + "/" + event.op(), event);
                assertThat(previous).as("a second " + event.op() + " event for " + event.key()).isNull();
            }
        }
        return byKey;
    }

    private static long count(List<Event> events, String... ops) {
        List<String> wanted = List.of(ops);
        return events.stream().filter(e -> e.op() != null && wanted.contains(e.op())).count();
    }

    /** The schema of the envelope's {@code after} field: the row struct. */
    private static JsonNode rowSchema(Event event) {
        return fields(event.valueSchema()).get("after");
    }

    private static Map<String, JsonNode> fields(JsonNode struct) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (JsonNode field : struct.get("fields")) {
            fields.put(field.get("field").asText(), field);
        }
        return fields;
    }

    private static List<String> fieldNames(JsonNode struct) {
        return List.copyOf(fields(struct).keySet());
    }

    /** A key schema without its name, which carries the topic prefix. */
    private static JsonNode withoutName(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("name");
        return copy;
    }

    private static Map<String, String> debeziumConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        config.put("tasks.max", "1");
        config.put("database.hostname", SOURCE.host());
        config.put("database.port", String.valueOf(SOURCE.port()));
        config.put("database.user", SOURCE.user());
        config.put("database.password", SOURCE.password());
        config.put("database.server.id", "6401");
        config.put("topic.prefix", DEBEZIUM);
        config.put("database.include.list", AllTypesTable.DATABASE);
        config.put("table.include.list", TABLES);
        config.put("schema.history.internal.kafka.bootstrap.servers", CONNECT.bootstrapServers());
        config.put("schema.history.internal.kafka.topic", "__dbz-schema-history");
        config.put("include.schema.changes", "false");
        config.put("snapshot.locking.mode", "none");
        // MariaDB Connector/J presents YEAR as a java.sql.Date and fails on year 0000 (row 4) during the
        // snapshot; as a number it reaches Debezium's YEAR converter unchanged.
        config.put("database.yearIsDateType", "false");
        // Ferry's deliberate choice, so that unsigned BIGINT values compare instead of overflowing.
        config.put("bigint.unsigned.handling.mode", "precise");
        return config;
    }

    /**
     * Copies of the snapshot rows (ids 11 to 15, the same values, as a replica would see them inserted), then
     * an update of each copy to the values of another snapshot row, then one delete: every value of every type
     * appears in a streamed after-image and in a before-image.
     */
    private static List<String> streamedChanges() {
        List<String> columns = SOURCE.queryRows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = '" + AllTypesTable.DATABASE + "' AND table_name = '" + AllTypesTable.TABLE
                + "' AND column_name <> 'id' ORDER BY ordinal_position").stream().map(r -> r.get(0)).toList();
        String list = String.join(", ", columns);
        StringBuilder mapping = new StringBuilder("CASE a.id");
        for (int i = 0; i < UPDATED_FROM.length; i++) {
            mapping.append(" WHEN ").append(STREAM_ID_OFFSET + 1 + i).append(" THEN ").append(UPDATED_FROM[i]);
        }
        mapping.append(" END");
        String assignments = columns.stream().map(c -> "a." + c + " = b." + c).collect(Collectors.joining(", "));
        return List.of(
                "SET SESSION sql_mode = ''",
                "INSERT INTO " + TABLE + " (id, " + list + ") SELECT id + " + STREAM_ID_OFFSET + ", " + list
                        + " FROM " + TABLE + " ORDER BY id",
                "UPDATE " + TABLE + " a JOIN " + TABLE + " b ON b.id = " + mapping + " SET " + assignments
                        + " WHERE a.id > " + STREAM_ID_OFFSET,
                "DELETE FROM " + TABLE + " WHERE id = " + DELETED);
    }
}
