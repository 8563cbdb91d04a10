package io.ferry.deploy.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.migrator.settings.MigratorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCompilerTest {

    private static final Map<String, String> ENV = Map.of("SRC_PASSWORD", "s3cret");

    @Test
    void minimalTaskCompilesToMigratorSettingsWithResolvedSecrets() {
        CompiledTask compiled = compile(TaskFileParserTest.MINIMAL);
        Map<String, String> m = compiled.migratorSettings();
        assertThat(m).containsEntry("source.host", "127.0.0.1").containsEntry("source.port", "3306")
                .containsEntry("source.user", "ferry").containsEntry("source.password", "s3cret")
                .containsEntry("destination.port", "3307").containsEntry("destination.password", "")
                .containsEntry("table.include", "shop\\.[^.]*")
                .containsEntry("migration.types", "schema,full,incremental")
                .containsEntry("conflict.tables", "error").containsEntry("binlog.retention.hours", "24")
                .containsEntry("mapping.case", "as-source");
        MigratorSettings settings = MigratorSettings.of(m);
        assertThat(settings.source().password()).isEqualTo("s3cret");
        assertThat(settings.tableFilter().includes(io.ferry.common.TableId.parse("shop.orders"))).isTrue();
        assertThat(settings.tableFilter().includes(io.ferry.common.TableId.parse("shopx.orders"))).isFalse();
    }

    @Test
    void minimalTaskCompilesToBothConnectorsNamedAndPrefixedByTheTask() {
        CompiledTask compiled = compile(TaskFileParserTest.MINIMAL);
        Map<String, String> source = compiled.sourceConnector().orElseThrow();
        assertThat(source).containsEntry("connector.class", TaskCompiler.SOURCE_CLASS)
                .containsEntry("tasks.max", "1").containsEntry("topic.prefix", "shop-move")
                .containsEntry("database.hostname", "127.0.0.1").containsEntry("database.port", "3306")
                .containsEntry("database.password", "${env:SRC_PASSWORD}")
                .containsEntry("table.include", "shop\\.[^.]*").containsEntry("snapshot.mode", "initial")
                .containsEntry("heartbeat.interval.ms", "10000")
                .containsEntry("connection.retry.timeout.ms", "43200000").containsEntry("retry.timeout.ms", "600000")
                .containsEntry("topic.creation.default.replication.factor", "1")
                .containsEntry("producer.override.batch.size", "1048576")
                .doesNotContainKeys("database.server.id", "heartbeat.table", "max.rows.per.second");
        Map<String, String> sink = compiled.sinkConnector().orElseThrow();
        assertThat(sink).containsEntry("connector.class", TaskCompiler.SINK_CLASS)
                .containsEntry("topics.regex", "shop-move(\\..+\\..+)?").containsEntry("ddl.apply", "true")
                .containsEntry("connection.port", "3307").containsEntry("connection.password", "")
                .containsEntry("snapshot.conflict.policy", "keep-destination")
                .containsEntry("stream.conflict.policy", "overwrite")
                .containsEntry("consumer.override.max.poll.records", "2000")
                .containsEntry("connection.params", "sslMode=PREFERRED");
        Pattern topics = Pattern.compile(sink.get("topics.regex"));
        assertThat(topics.matcher("shop-move.shop.orders").matches()).isTrue();
        assertThat(topics.matcher("shop-move").matches()).isTrue();
        assertThat(topics.matcher("__ferry-heartbeat.shop-move").matches()).isFalse();
        assertThat(topics.matcher("shop-mover.shop.orders").matches()).isFalse();
    }

    @Test
    void everyFieldReachesItsKeys() {
        CompiledTask compiled = compile("""
                name: t1
                source: { host: s, user: u, password: p, server-id: 77 }
                destination: { host: d, user: u2, tls: { mode: required } }
                objects: { include: [ shop ], exclude: [ "shop.tmp_*" ], exclude-columns: [ "shop.*.secret" ],
                           row-filters: { shop.orders: "id > 10" }, operations: { "shop.audit": [ insert, ddl ] } }
                mapping: { databases: { shop: shop2 }, tables: { shop.a: b }, columns: { shop.a.c: d }, case: lower }
                migration:
                  types: [ full ]
                  conflict: { tables: ignore, snapshot: overwrite, stream: fail }
                  snapshot: { parallelism: 4, chunk-rows: 100 }
                  apply: { parallelism: 3, batch-rows: 50 }
                  throttle: { snapshot-rows-per-second: 1, snapshot-bytes-per-second: 2,
                              stream-rows-per-second: 3, stream-bytes-per-second: 4,
                              apply-rows-per-second: 5, apply-bytes-per-second: 6 }
                  online-ddl: gh-ost
                  retry: { connection-timeout: 2h, timeout: 90s }
                  heartbeat: { interval: 500ms, table: ferry.heartbeat }
                  binlog-retention-hours: 48
                connect: { url: "http://c:8083", bootstrap-servers: "k:9092", topic-replication-factor: 3 }
                """);
        assertThat(compiled.migratorSettings()).containsEntry("table.include", "shop\\.[^.]*")
                .containsEntry("table.exclude", "shop\\.tmp_[^.]*")
                .containsEntry("column.exclude", "shop\\.[^.]*\\.secret")
                .containsEntry("row.filter.shop.orders", "id > 10")
                .containsEntry("mapping.rules", "shop=shop2,shop.a=b,shop.a.c=d").containsEntry("mapping.case", "lower")
                .containsEntry("migration.types", "full").containsEntry("conflict.tables", "ignore")
                .containsEntry("binlog.retention.hours", "48").containsEntry("destination.ssl.mode", "required");
        assertThat(compiled.sourceConnector().orElseThrow()).containsEntry("tasks.max", "4")
                .containsEntry("database.server.id", "77").containsEntry("snapshot.mode", "initial_only")
                .containsEntry("snapshot.chunk.size", "100").containsEntry("column.exclude", "shop\\.[^.]*\\.secret")
                .containsEntry("table.operations", "shop\\.audit:insert+ddl")
                .containsEntry("row.filter.shop.orders", "id > 10")
                .containsEntry("snapshot.max.rows.per.second", "1").containsEntry("snapshot.max.bytes.per.second", "2")
                .containsEntry("max.rows.per.second", "3").containsEntry("max.bytes.per.second", "4")
                .containsEntry("online.ddl.mode", "gh-ost").containsEntry("heartbeat.interval.ms", "500")
                .containsEntry("heartbeat.table", "ferry.heartbeat")
                .containsEntry("connection.retry.timeout.ms", "7200000").containsEntry("retry.timeout.ms", "90000")
                .containsEntry("topic.creation.default.replication.factor", "3");
        assertThat(compiled.sinkConnector().orElseThrow()).containsEntry("tasks.max", "3")
                .containsEntry("topics.regex", "t1\\..+\\..+").containsEntry("ddl.apply", "false")
                .containsEntry("mapping.rules", "shop=shop2,shop.a=b,shop.a.c=d").containsEntry("mapping.case", "lower")
                .containsEntry("snapshot.conflict.policy", "overwrite").containsEntry("stream.conflict.policy", "fail")
                .containsEntry("max.rows.per.second", "5").containsEntry("max.bytes.per.second", "6")
                .containsEntry("consumer.override.max.poll.records", "50")
                .containsEntry("connection.params", "sslMode=REQUIRED");
    }

    @Test
    void incrementalOnlyStreamsAndSchemaOnlyHasNoConnectors() {
        assertThat(compile(TaskFileParserTest.MINIMAL.replace("schema, full, incremental", "incremental"))
                .sourceConnector().orElseThrow()).containsEntry("snapshot.mode", "never");
        assertThat(compile(TaskFileParserTest.MINIMAL.replace("schema, full, incremental", "schema"))
                .sourceConnector()).isEmpty();
    }

    @Test
    void maskedCompilationHidesLiteralsButShowsReferences() {
        TaskFile task = TaskFileParser.parse(TaskFileParserTest.MINIMAL.replace("password: \"\"",
                "password: \"hunter2\""));
        CompiledTask masked = new TaskCompiler(task).compileMasked();
        assertThat(masked.migratorSettings()).containsEntry("source.password", "${env:SRC_PASSWORD}")
                .containsEntry("destination.password", Secret.MASK);
        assertThat(masked.sinkConnector().orElseThrow()).containsEntry("connection.password", Secret.MASK);
        assertThat(masked.toString()).doesNotContain("hunter2");
    }

    @Test
    void inlineSecretsAreResolvedForTheConnectors(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "destination.password=from-file\n");
        CompiledTask compiled = compile("""
                name: t
                source: { host: s, user: u, password: "${env:SRC_PASSWORD}" }
                destination: { host: d, user: u, password: "${file:%s:destination.password}" }
                connect: { url: "http://c:8083", bootstrap-servers: "k:9092", secrets: inline }
                """.formatted(secrets));
        assertThat(compiled.sourceConnector().orElseThrow()).containsEntry("database.password", "s3cret");
        assertThat(compiled.sinkConnector().orElseThrow()).containsEntry("connection.password", "from-file");
        assertThat(compiled.migratorSettings()).containsEntry("destination.password", "from-file");
    }

    @Test
    void missingSecretsNameTheField() {
        TaskFile task = TaskFileParser.parse(TaskFileParserTest.MINIMAL);
        assertThatThrownBy(() -> new TaskCompiler(task).compile(Map.of()))
                .hasMessage("source.password: the environment variable SRC_PASSWORD is not set");
        TaskFile fromFile = TaskFileParser.parse(TaskFileParserTest.MINIMAL.replace("${env:SRC_PASSWORD}",
                "${file:/nonexistent/x.properties:k}"));
        assertThatThrownBy(() -> new TaskCompiler(fromFile).compile(Map.of()))
                .hasMessageStartingWith("source.password: cannot read /nonexistent/x.properties");
    }

    @Test
    void theSourceTlsModeReachesTheSourceConnectorExceptVerifyCa(@TempDir Path dir) throws Exception {
        String yaml = TaskFileParserTest.MINIMAL.replace("port: 3306,", "port: 3306, tls: { mode: required },");
        assertThat(compile(yaml).sourceConnector().orElseThrow()).containsEntry("database.ssl.mode", "required");
        assertThat(compile(TaskFileParserTest.MINIMAL).sourceConnector().orElseThrow())
                .containsEntry("database.ssl.mode", "preferred");

        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        String verifyCa = TaskFileParserTest.MINIMAL.replace("port: 3306,",
                "port: 3306, tls: { mode: verify-ca, ca: \"" + ca + "\" },");
        assertThatThrownBy(() -> compile(verifyCa)).hasMessageStartingWith(
                "source.tls.mode: 'verify-ca' cannot be used").hasMessageContaining("truststore");
        assertThat(compile(verifyCa.replace("schema, full, incremental", "schema")).migratorSettings())
                .containsEntry("source.ssl.mode", "verify-ca");
    }

    @Test
    void jsonTopicsKeepNullsAndAvroTopicsUseTheRegistryOnBothConnectors() {
        CompiledTask json = compile(TaskFileParserTest.MINIMAL);
        for (Map<String, String> c : java.util.List.of(json.sourceConnector().orElseThrow(),
                json.sinkConnector().orElseThrow())) {
            assertThat(c)
                    .containsEntry("value.converter", "io.ferry.json.StreamingJsonConverter")
                    .containsEntry("key.converter", "io.ferry.json.StreamingJsonConverter");
        }
        for (Map<String, String> c : java.util.List.of(json.sourceConnector().orElseThrow(),
                json.sinkConnector().orElseThrow())) {
            assertThat(c)
                    .containsEntry("value.converter.replace.null.with.default", "false")
                    .containsEntry("key.converter.replace.null.with.default", "false")
                    .containsEntry("value.converter.schemas.enable", "true");
        }
        CompiledTask avro = compile(TaskFileParserTest.MINIMAL
                + "topics: { format: avro }\nregistry: { url: \"http://registry:8080/\" }\n");
        Map<String, String> source = avro.sourceConnector().orElseThrow();
        for (Map<String, String> c : java.util.List.of(source, avro.sinkConnector().orElseThrow())) {
            for (String side : java.util.List.of("key.converter", "value.converter")) {
                assertThat(c).containsEntry(side, "io.apicurio.registry.utils.converter.AvroConverter")
                        .containsEntry(side + ".apicurio.registry.url", "http://registry:8080/apis/registry/v2")
                        .containsEntry(side + ".apicurio.registry.as-confluent", "true")
                        .containsEntry(side + ".apicurio.registry.use-id", "contentId")
                        .containsEntry(side + ".apicurio.registry.auto-register", "true")
                        .containsEntry(side + ".apicurio.registry.headers.enabled", "false");
            }
        }
        assertThat(source).containsEntry("field.name.adjustment.mode", "avro");
    }

    @Test
    void timePrecisionPassesToTheSourceOnlyWhenNotTheDefault() {
        assertThat(compile(TaskFileParserTest.MINIMAL).sourceConnector().orElseThrow())
                .doesNotContainKey("time.precision.mode");
        CompiledTask connect = compile(TaskFileParserTest.MINIMAL
                + "topics: { format: avro, time-precision: connect }\n" + "registry: { url: \"http://registry:8080\" }\n");
        assertThat(connect.sourceConnector().orElseThrow()).containsEntry("time.precision.mode", "connect");
        assertThat(connect.sinkConnector().orElseThrow()).doesNotContainKey("time.precision.mode");
        assertThatThrownBy(() -> compile(TaskFileParserTest.MINIMAL + "topics: { time-precision: micro }\n"))
                .hasMessageContaining("topics.time-precision");
    }

    private static CompiledTask compile(String yaml) {
        return new TaskCompiler(TaskFileParser.parse(yaml)).compile(ENV);
    }
}
