package io.ferry.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.sink.MySqlSinkConfig;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.schema.AllTypesTable;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import io.ferry.testkit.registry.SchemaRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Avro on both sides through a real schema registry: Ferry's source writes the all-types table as Avro
 * (Apicurio's converter, Confluent framing), Ferry's sink reads it back into the destination, an independent
 * consumer decodes a record with nothing but the registry's Confluent-compatible API and plain Apache Avro (and
 * finds a column comment as its field's doc), and DDL during streaming evolves the subject: a compatible change
 * (ADD COLUMN, a widened type) registers version 2 under BACKWARD compatibility and the rows keep flowing; an
 * incompatible one fails the source task loudly.
 */
class AvroEndToEndIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final SchemaRegistry REGISTRY = new SchemaRegistry();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String TOPIC = "av.types.all_types";
    private static final String VALUE_SUBJECT = "apis/ccompat/v7/subjects/" + TOPIC + "-value/versions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRICE_COMMENT = "Unit price in EUR, VAT included";
    private static final String SHIFTS_COMMENT = "Opening shifts, local wall-clock time";
    private static final String SHIFTS_TOPIC = "avt.temporal.shifts";
    private static final String ODD = "CREATE TABLE types.odd (`1st` INT PRIMARY KEY,"
            + " `price$` DECIMAL(5,2) COMMENT '" + PRICE_COMMENT + "', `a-b c` VARCHAR(10))";

    @Test
    void avroTopicsCarryEveryTypeToTheSinkToPlainAvroAndThroughSchemaEvolution() throws IOException {
        // Apicurio starts without rules (compatibility NONE); BACKWARD is what consumers usually rely on.
        REGISTRY.putJson("apis/ccompat/v7/config", "{\"compatibility\": \"BACKWARD\"}");
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase(AllTypesTable.DATABASE);
            server.execute(AllTypesTable.DDL, ODD);
        }
        SOURCE.execute("INSERT INTO types.odd VALUES (1, 9.99, 'x'), (2, NULL, NULL)");
        // Row 4 holds zero dates, which a strict destination refuses whatever the format (as in FeatureMatrixIT).
        SOURCE.execute(AllTypesTable.INSERTS.stream().filter(sql -> !sql.contains("VALUES (4,"))
                .toArray(String[]::new));
        CONNECT.kafka().createTopic("av");
        CONNECT.kafka().createTopic(TOPIC);
        CONNECT.kafka().createTopic("av.types.odd");
        Map<String, String> source = Pipelines.source(SOURCE, "av", "types\\.(all_types|odd)", 1);
        // Column names like `price$` are no Avro names: the source adjusts them, the sink maps them back.
        source.put(MySqlSourceConfig.FIELD_NAME_ADJUSTMENT_MODE_CONFIG, "avro");
        // Column comments become the Avro fields' docs.
        source.put(MySqlSourceConfig.INCLUDE_SCHEMA_COMMENTS_CONFIG, "true");
        source.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        source.putAll(Pipelines.avroConverters(REGISTRY.apiUrl()));
        CONNECT.deploy("av-source", source);
        // The sink applies the DDL it reads on the schema-change topic, itself Avro too.
        Map<String, String> sink = Pipelines.sink(DESTINATION, "av|av\\.types\\..*", 1);
        sink.put(MySqlSinkConfig.DDL_APPLY_CONFIG, "true");
        sink.putAll(Pipelines.avroConverters(REGISTRY.apiUrl()));
        CONNECT.deploy("av-sink", sink);

        awaitSameTable();
        GenericRecord first = decodeWithPlainAvro(firstRow());
        assertThat(first.getSchema().getFullName()).isEqualTo("av.types.all_types.Envelope");
        GenericRecord after = (GenericRecord) first.get("after");
        assertThat(after.getSchema().getFullName()).isEqualTo("av.types.all_types.Value");
        assertThat(after.get("id")).isEqualTo(1);
        assertThat(after.get("c_varchar").toString()).isEqualTo("\uD83D\uDE00 emoji");
        assertThat(decimal(after, "c_decimal_u")).isEqualByComparingTo("999.99");
        assertThat(decimal(after, "c_bigint_u")).isEqualByComparingTo("18446744073709551615");
        assertThat(after.get("c_date")).isEqualTo((int) LocalDate.of(9999, 12, 31).toEpochDay());
        assertThat(after.get("c_tinyint")).isEqualTo(127);
        assertThat(((GenericRecord) first.get("source")).get("db").toString()).isEqualTo("types");
        assertThat(first.get("op").toString()).isEqualTo("r");
        assertThat(REGISTRY.getText(VALUE_SUBJECT)).isEqualTo("[1]");
        assertThat(REGISTRY.getText("apis/ccompat/v7/subjects/av.types.odd-value/versions/1"))
                .contains("_1st", "price_", "a_b_c");
        byte[] oddRow = CONNECT.consume(1, TIMEOUT, "av.types.odd").iterator().next().value();
        Schema odd = ((GenericRecord) decodeWithPlainAvro(oddRow).get("after")).getSchema();
        assertThat(odd.getField("price_").doc()).as("the column comment, in the schema the registry serves")
                .isEqualTo(PRICE_COMMENT);
        assertThat(odd.getField("a_b_c").doc()).isNull();

        // Compatible evolution while streaming.
        SOURCE.execute("ALTER TABLE types.all_types ADD COLUMN c_added VARCHAR(20) NULL, MODIFY c_smallint INT",
                "INSERT INTO types.all_types (id, c_smallint, c_added) VALUES (10, 100000, 'added')",
                "UPDATE types.all_types SET c_added = 'later' WHERE id = 1");
        awaitSameTable();
        assertThat(DESTINATION.queryString("SELECT c_added FROM types.all_types WHERE id = 10")).isEqualTo("added");
        assertThat(DESTINATION.queryString("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                + " 'types' AND TABLE_NAME = 'all_types' AND COLUMN_NAME = 'c_smallint'")).isEqualTo("int");
        assertThat(REGISTRY.getText(VALUE_SUBJECT)).isEqualTo("[1,2]");
        assertThat(CONNECT.status("av-source").tasks()).allMatch(t -> "RUNNING".equals(t.state()));

        // A NOT NULL column with a DEFAULT is compatible too: the default is in the field schema (column.defaults).
        SOURCE.execute("ALTER TABLE types.all_types ADD COLUMN c_flag INT NOT NULL DEFAULT 7",
                "INSERT INTO types.all_types (id, c_flag) VALUES (12, 8)");
        awaitSameTable();
        assertThat(REGISTRY.getText(VALUE_SUBJECT)).isEqualTo("[1,2,3]");
        assertThat(REGISTRY.getText(VALUE_SUBJECT + "/3"))
                .contains("c_flag").contains("\\\"default\\\":7");

        // An incompatible change (a NOT NULL column has no default in the schema): the registry refuses the new
        // version and the source task fails with its message; the record is not dropped or written unframed.
        SOURCE.execute("ALTER TABLE types.all_types ADD COLUMN c_strict INT NOT NULL",
                "INSERT INTO types.all_types (id, c_strict) VALUES (11, 5)");
        String failure = CONNECT.awaitTaskFailure("av-source", TIMEOUT);
        assertThat(failure).containsIgnoringCase("incompatib");
        assertThat(REGISTRY.getText(VALUE_SUBJECT)).isEqualTo("[1,2,3]");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM types.all_types WHERE id = 11")).isEqualTo("0");
        CONNECT.delete("av-sink");
        CONNECT.delete("av-source");
    }

    /**
     * {@code time.precision.mode=connect}: DATE, DATETIME(3) and TIME(3) are Avro's {@code date},
     * {@code timestamp-millis} and {@code time-millis} in the schema the registry serves, the table comment is the
     * record's doc, and the sink writes the rows back exactly, from the snapshot and from the binlog. A TIME no time
     * of day can hold fails the source task with the fix in its trace.
     */
    @Test
    void connectTimePrecisionGivesAvroLogicalTypesAndExactRows() throws IOException {
        String table = "CREATE TABLE temporal.shifts (id INT PRIMARY KEY, day DATE NOT NULL, starts DATETIME(3) NULL,"
                + " opens TIME(3) NULL, note VARCHAR(10) NULL) COMMENT '" + SHIFTS_COMMENT + "'";
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase("temporal");
            server.execute(table);
        }
        SOURCE.execute("INSERT INTO temporal.shifts VALUES (1, '2024-02-29', '2024-02-29 23:59:59.999',"
                + " '23:59:59.999', 'a'), (2, '1000-01-01', '1969-12-31 23:59:59.001', '00:00:00', NULL),"
                + " (3, '9999-12-31', NULL, NULL, NULL)");
        CONNECT.kafka().createTopic("avt");
        CONNECT.kafka().createTopic(SHIFTS_TOPIC);
        Map<String, String> source = Pipelines.source(SOURCE, "avt", "temporal\\.shifts", 1);
        source.put(MySqlSourceConfig.TIME_PRECISION_MODE_CONFIG, "connect");
        source.put(MySqlSourceConfig.INCLUDE_SCHEMA_COMMENTS_CONFIG, "true");
        source.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        source.putAll(Pipelines.avroConverters(REGISTRY.apiUrl()));
        CONNECT.deploy("avt-source", source);
        Map<String, String> sink = Pipelines.sink(DESTINATION, "avt\\.temporal\\..*", 1);
        sink.putAll(Pipelines.avroConverters(REGISTRY.apiUrl()));
        CONNECT.deploy("avt-sink", sink);

        awaitSame("temporal", "shifts");
        byte[] framed = CONNECT.consume(1, TIMEOUT, SHIFTS_TOPIC).iterator().next().value();
        String served = REGISTRY.getText("apis/ccompat/v7/schemas/ids/" + ByteBuffer.wrap(framed, 1, 4).getInt());
        assertThat(JSON.readTree(served).get("schema").asText().replaceAll("\\s", "")).contains(
                "\"logicalType\":\"date\"", "\"logicalType\":\"timestamp-millis\"", "\"logicalType\":\"time-millis\"");
        Schema row = ((GenericRecord) decodeWithPlainAvro(framed).get("after")).getSchema();
        assertThat(row.getDoc()).as("the table comment, as the record's doc").isEqualTo(SHIFTS_COMMENT);
        assertThat(row.getField("day").schema().getLogicalType().getName()).isEqualTo("date");
        assertThat(row.getField("starts").schema().getTypes().get(1).getLogicalType().getName())
                .isEqualTo("timestamp-millis");
        assertThat(row.getField("opens").schema().getTypes().get(1).getLogicalType().getName())
                .isEqualTo("time-millis");

        SOURCE.execute("INSERT INTO temporal.shifts VALUES (4, '1970-01-01', '2038-01-19 03:14:08.123',"
                + " '12:34:56.789', 'b')", "UPDATE temporal.shifts SET opens = '00:00:00.001', starts ="
                + " '1000-01-01 00:00:00.000' WHERE id = 3", "DELETE FROM temporal.shifts WHERE id = 2");
        awaitSame("temporal", "shifts");
        assertThat(DESTINATION.queryString("SELECT CONCAT(starts, ' ', opens) FROM temporal.shifts WHERE id = 4"))
                .isEqualTo("2038-01-19 03:14:08.123 12:34:56.789");

        SOURCE.execute("INSERT INTO temporal.shifts VALUES (5, '2024-01-01', NULL, '-00:00:01', NULL)");
        assertThat(CONNECT.awaitTaskFailure("avt-source", TIMEOUT))
                .contains("temporal.shifts", "column opens", "time.precision.mode=adaptive_time_microseconds");
        CONNECT.delete("avt-sink");
        CONNECT.delete("avt-source");
    }

    private static void awaitSame(String database, String table) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(TableChecksum.ofAllColumns(DESTINATION, database, table, "id"))
                        .isEqualTo(TableChecksum.ofAllColumns(SOURCE, database, table, "id")));
    }

    private static void awaitSameTable() {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(TableChecksum.ofAllColumns(DESTINATION, AllTypesTable.DATABASE, AllTypesTable.TABLE, "id"))
                    .as("every type, written back exactly from Avro")
                    .isEqualTo(TableChecksum.ofAllColumns(SOURCE, AllTypesTable.DATABASE, AllTypesTable.TABLE, "id"));
            assertThat(TableChecksum.ofAllColumns(DESTINATION, "types", "odd", "`1st`"))
                    .as("columns whose names Avro adjusted").isEqualTo(
                            TableChecksum.ofAllColumns(SOURCE, "types", "odd", "`1st`"));
        });
    }

    /** The raw value bytes of the snapshot event of row 1, as any consumer receives them. */
    private static byte[] firstRow() throws IOException {
        List<byte[]> values = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : CONNECT.consume(4, TIMEOUT, TOPIC)) {
            values.add(record.value());
        }
        for (byte[] value : values) {
            GenericRecord after = (GenericRecord) decodeWithPlainAvro(value).get("after");
            if (after != null && Integer.valueOf(1).equals(after.get("id"))) {
                return value;
            }
        }
        throw new AssertionError("No event of row 1 among " + values.size() + " records of " + TOPIC);
    }

    /**
     * What a consumer without Kafka Connect or Apicurio does: the Confluent frame is a zero magic byte and a
     * 4-byte schema id; the writer schema comes from {@code /apis/ccompat/v7/schemas/ids/{id}}.
     */
    private static GenericRecord decodeWithPlainAvro(byte[] framed) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(framed);
        assertThat(buffer.get()).as("Confluent magic byte").isZero();
        int id = buffer.getInt();
        String body = REGISTRY.getText("apis/ccompat/v7/schemas/ids/" + id);
        Schema writer = new Schema.Parser().parse(JSON.readTree(body).get("schema").asText());
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(writer);
        return reader.read(null, DecoderFactory.get().binaryDecoder(framed, 5, framed.length - 5, null));
    }

    private static BigDecimal decimal(GenericRecord row, String field) {
        Schema schema = row.getSchema().getField(field).schema().getTypes().get(1);
        assertThat(schema.getLogicalType()).isInstanceOf(LogicalTypes.Decimal.class);
        return new Conversions.DecimalConversion().fromBytes((ByteBuffer) row.get(field), schema,
                schema.getLogicalType());
    }
}
