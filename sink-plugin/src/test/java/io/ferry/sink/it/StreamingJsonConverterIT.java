package io.ferry.sink.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.json.StreamingJsonConverterCounts;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.schema.AllTypesTable;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.isolation.PluginClassLoader;
import org.apache.kafka.connect.storage.Converter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ferry's source writing and Ferry's sink reading their topics with {@code io.ferry.json.StreamingJsonConverter} as
 * the connectors' key and value converter: a table with a column of every type Ferry maps (NULLs, DECIMAL(65,30),
 * DATETIME(6), JSON, BLOB among them) and a table whose nullable columns carry DEFAULTs in their field schemas are
 * snapshotted, then changed through the binlog, and must end up identical in the destination; every record must have
 * been written and read on the converter's fast paths, none handed to Kafka's converter, and a consumer reading the
 * topics with Kafka's own JsonConverter must get what the sink got. And the packaged plugin directory, loaded as a
 * worker loads it, runs the converter.
 */
class StreamingJsonConverterIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CONVERTER = "io.ferry.json.StreamingJsonConverter";
    private static final String DEFAULTS = "CREATE TABLE types.defaults (id INT PRIMARY KEY, n INT DEFAULT 5,"
            + " s VARCHAR(10) DEFAULT 'dflt', d DECIMAL(10,2) DEFAULT 1.25,"
            + " t DATETIME(6) DEFAULT '2000-01-01 00:00:00.000001')";

    @Test
    void everyTypeReachesTheDestinationWrittenAndReadOnTheFastPaths() throws Exception {
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase(AllTypesTable.DATABASE);
            server.execute(AllTypesTable.DDL, DEFAULTS);
        }
        // Row 4 holds zero dates, which a strict destination refuses whatever the converter (as in FeatureMatrixIT).
        SOURCE.execute(AllTypesTable.INSERTS.stream().filter(sql -> !sql.contains("VALUES (4,"))
                .toArray(String[]::new));
        SOURCE.execute("INSERT INTO types.defaults VALUES (1, NULL, NULL, NULL, NULL), (2, 7, 'x', 2.50,"
                + " '2024-02-29 12:00:00.5')");
        CONNECT.kafka().createTopic("sj");
        CONNECT.kafka().createTopic("sj.types.all_types");
        CONNECT.kafka().createTopic("sj.types.defaults");

        Map<String, String> source = Pipelines.source(SOURCE, "sj", "types\\.(all_types|defaults)", 1);
        source.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        // Nullable columns' DEFAULTs go into the field schemas, where a converter replacing nulls would use them.
        source.put(MySqlSourceConfig.COLUMN_DEFAULTS_CONFIG, "all");
        source.putAll(streamingConverters());
        Map<String, String> sink = Pipelines.sink(DESTINATION, "sj\\.types\\..*", 1);
        sink.putAll(streamingConverters());
        long streamedBefore = StreamingJsonConverterCounts.streamed();
        long fellBackBefore = StreamingJsonConverterCounts.fellBack();
        long writtenBefore = StreamingJsonConverterCounts.written();
        long writeFellBackBefore = StreamingJsonConverterCounts.writeFellBack();
        CONNECT.deploy("sj-source", source);
        CONNECT.deploy("sj-sink", sink);
        awaitSame();

        SOURCE.execute("UPDATE types.all_types SET c_varchar = NULL, c_decimal = -0.000000000000000000000000000001,"
                        + " c_datetime6 = '2020-02-29 23:59:59.999999',"
                        + " c_json = '{\"k\": [1, 2.5, null, \"\\\\u00e9\"]}', c_blob = x'00FF0A22', c_double = -0.1,"
                        + " c_bigint_u = 9223372036854775808 WHERE id = 1",
                "UPDATE types.all_types SET c_int = 42, c_text = 'set \"quoted\"', c_json = '[]', c_blob = x''"
                        + " WHERE id = 3",
                "INSERT INTO types.all_types (id, c_decimal, c_datetime6, c_json, c_blob, c_varchar, c_date_nn)"
                        + " VALUES (20, 12345.678, '1970-01-01 00:00:00.000001', 'null', x'DEADBEEF', '',"
                        + " '2024-01-31')",
                "DELETE FROM types.all_types WHERE id = 2",
                "UPDATE types.defaults SET n = NULL, s = NULL, d = NULL, t = NULL WHERE id = 2",
                "UPDATE types.defaults SET n = 1 WHERE id = 1",
                "INSERT INTO types.defaults (id) VALUES (3)",
                "INSERT INTO types.defaults VALUES (4, NULL, '', 0.00, NULL)");
        awaitSame();
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM types.defaults WHERE s IS NULL")).isEqualTo("2");

        // Snapshot and changes of both tables, keys and values: the fast paths wrote and read them all.
        assertThat(StreamingJsonConverterCounts.streamed() - streamedBefore).isGreaterThanOrEqualTo(2 * 14);
        assertThat(StreamingJsonConverterCounts.fellBack() - fellBackBefore).isZero();
        assertThat(StreamingJsonConverterCounts.written() - writtenBefore).isGreaterThanOrEqualTo(2 * 14);
        assertThat(StreamingJsonConverterCounts.writeFellBack() - writeFellBackBefore).isZero();
        assertKafkasConverterReadsAndWritesTheSameBytes("sj.types.all_types", "sj.types.defaults");
        CONNECT.delete("sj-sink");
        CONNECT.delete("sj-source");
    }

    /**
     * In a worker the converter comes from the packaged plugin directory, through an isolated class loader, beside
     * the plugin's own Jackson. Its superclass must come from there too (the plugin ships connect-json): the worker's
     * JsonConverter would see the worker's Jackson, and the first schema lookup would fail with a LinkageError.
     */
    @Test
    void thePackagedPluginLoadsTheConverterWithItsOwnJsonConverter() throws Exception {
        Path plugin;
        try (Stream<Path> dirs = Files.list(Path.of("target"))) {
            plugin = dirs.filter(dir -> dir.getFileName().toString().endsWith("-plugin"))
                    .map(dir -> dir.resolve("ferry-sink-plugin")).filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged sink plugin under target/"));
        }
        try (PluginClassLoader loader = new PluginClassLoader(plugin.toUri().toURL(), jars(plugin),
                StreamingJsonConverterIT.class.getClassLoader())) {
            Class<?> converterClass = loader.loadClass(CONVERTER);
            assertThat(converterClass.getSuperclass().getClassLoader()).isSameAs(loader);
            Converter converter = (Converter) converterClass.getDeclaredConstructor().newInstance();
            converter.configure(Map.of("schemas.enable", "true"), false);
            SchemaAndValue read = converter.toConnectData("t", ("{\"schema\":{\"type\":\"struct\",\"fields\":"
                    + "[{\"type\":\"int32\",\"field\":\"n\"}]},\"payload\":{\"n\":1}}").getBytes(UTF_8));
            assertThat(read.value()).hasToString("Struct{n=1}");
            Method streamed = converterClass.getDeclaredMethod("streamedRecords");
            streamed.setAccessible(true);
            assertThat((Long) streamed.invoke(null)).as("read on the fast path").isEqualTo(1);
            // Writing serializes the schema with the plugin's Jackson, through the plugin's JsonConverter.
            byte[] written = converter.fromConnectData("t", read.schema(), read.value());
            assertThat(new String(written, UTF_8)).isEqualTo("{\"schema\":{\"type\":\"struct\",\"fields\":"
                    + "[{\"type\":\"int32\",\"optional\":false,\"field\":\"n\"}],\"optional\":false},"
                    + "\"payload\":{\"n\":1}}");
            Method writtenRecords = converterClass.getDeclaredMethod("writtenRecords");
            writtenRecords.setAccessible(true);
            assertThat((Long) writtenRecords.invoke(null)).as("written on the fast path").isEqualTo(1);
        }
    }

    /**
     * A consumer with Kafka's own JsonConverter reads every record the source wrote, and Kafka's converter writes
     * what it read back as the very bytes the source's StreamingJsonConverter wrote.
     */
    private static void assertKafkasConverterReadsAndWritesTheSameBytes(String... topics) throws Exception {
        int records = 0;
        for (boolean isKey : new boolean[] {true, false}) {
            JsonConverter kafka = new JsonConverter();
            kafka.configure(Map.of("schemas.enable", "true", "replace.null.with.default", "false"), isKey);
            for (ConsumerRecord<byte[], byte[]> record : CONNECT.kafka().consumeAll(30_000, topics)) {
                byte[] bytes = isKey ? record.key() : record.value();
                if (bytes == null) {
                    continue;
                }
                SchemaAndValue read = kafka.toConnectData(record.topic(), bytes);
                assertThat(new String(kafka.fromConnectData(record.topic(), read.schema(), read.value()), UTF_8))
                        .isEqualTo(new String(bytes, UTF_8));
                records++;
            }
        }
        assertThat(records).isGreaterThanOrEqualTo(2 * 14);
    }

    private static URL[] jars(Path plugin) throws IOException {
        try (Stream<Path> files = Files.list(plugin)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        }
    }

    private static Map<String, String> streamingConverters() {
        Map<String, String> converters = new HashMap<>();
        for (String side : new String[] {"key.converter", "value.converter"}) {
            converters.put(side, CONVERTER);
            converters.put(side + ".schemas.enable", "true");
            converters.put(side + ".replace.null.with.default", "false");
        }
        return converters;
    }

    private static void awaitSame() {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(TableChecksum.ofAllColumns(DESTINATION, AllTypesTable.DATABASE, AllTypesTable.TABLE, "id"))
                    .isEqualTo(TableChecksum.ofAllColumns(SOURCE, AllTypesTable.DATABASE, AllTypesTable.TABLE, "id"));
            assertThat(TableChecksum.ofAllColumns(DESTINATION, AllTypesTable.DATABASE, "defaults", "id"))
                    .isEqualTo(TableChecksum.ofAllColumns(SOURCE, AllTypesTable.DATABASE, "defaults", "id"));
        });
    }
}
