package io.ferry.deploy.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskFileParserTest {

    /** The minimal task file of issue 6, exactly as written there. */
    static final String MINIMAL = """
            name: shop-move
            source:      { host: 127.0.0.1, port: 3306, user: ferry, password: "${env:SRC_PASSWORD}" }
            destination: { host: 127.0.0.1, port: 3307, user: ferry, password: "" }
            objects:
              include: [ "shop.*" ]          # db.table patterns; "shop.*" = every table of database shop
            migration:
              types: [ schema, full, incremental ]
            """;

    @Test
    void minimalTaskFileTakesDefaultsForEverythingElse() {
        TaskFile task = TaskFileParser.parse(MINIMAL);
        assertThat(task.name()).isEqualTo("shop-move");
        assertThat(task.source().host()).isEqualTo("127.0.0.1");
        assertThat(task.source().port()).isEqualTo(3306);
        assertThat(task.source().password().value()).isEqualTo("${env:SRC_PASSWORD}");
        assertThat(task.source().tlsMode()).isEqualTo("preferred");
        assertThat(task.destination().port()).isEqualTo(3307);
        assertThat(task.destination().password().value()).isEmpty();
        assertThat(task.objects().include()).containsExactly("shop.*");
        assertThat(task.migration().types()).containsExactly("schema", "full", "incremental");
        assertThat(task.migration().conflictTables()).isEqualTo("error");
        assertThat(task.migration().conflictSnapshot()).isEqualTo("keep-destination");
        assertThat(task.migration().conflictStream()).isEqualTo("overwrite");
        assertThat(task.migration().snapshotParallelism()).isEqualTo(1);
        assertThat(task.migration().snapshotChunkRows()).isEqualTo(8192);
        assertThat(task.migration().applyParallelism()).isEqualTo(1);
        assertThat(task.migration().applyBatchRows()).isEqualTo(2000);
        assertThat(task.migration().applyDdl()).isTrue();
        assertThat(task.migration().onlineDdl()).isEqualTo("none");
        assertThat(task.migration().connectionRetryTimeout()).isEqualTo(Duration.ofMinutes(720));
        assertThat(task.migration().retryTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(task.migration().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(task.migration().heartbeatTable()).isEmpty();
        assertThat(task.migration().binlogRetentionHours()).isEqualTo(24);
        assertThat(task.connect()).isEmpty();
        assertThat(task.embedded().dataDir()).isEqualTo(Path.of(".ferry/shop-move"));
        assertThat(task.embedded().restPort()).isZero();
        assertThat(task.alerts().lagSeconds()).isZero();
        assertThat(task.alerts().webhook()).isNull();
    }

    @Test
    void theExampleFileSetsEveryField() {
        TaskFile task = TaskFileParser.parse(Path.of("..", "config", "task-example.yaml"));
        assertThat(task.source().serverId()).isZero();
        assertThat(task.destination().password().isReference()).isTrue();
        assertThat(task.objects().include()).containsExactly("shop.*", "crm.customers");
        assertThat(task.objects().exclude()).containsExactly("shop.tmp_*");
        assertThat(task.objects().excludeColumns()).containsExactly("crm.customers.card_number");
        assertThat(task.objects().rowFilters()).containsEntry("shop.orders", "status <> 'test'");
        assertThat(task.objects().operations()).containsEntry("shop.audit", List.of("insert"));
        assertThat(task.mapping().databases()).containsEntry("shop", "shop_v2");
        assertThat(task.mapping().tables()).containsEntry("crm.customers", "people");
        assertThat(task.mapping().columns()).containsEntry("shop.orders.amount", "total_amount");
        assertThat(task.migration().throttle().applyBytesPerSecond()).isZero();
        assertThat(task.embedded().dataDir()).isEqualTo(Path.of(".ferry/shop-move"));
    }

    @Test
    void everyOptionalFieldIsRead() {
        TaskFile task = TaskFileParser.parse("""
                name: t1
                source: { host: s, port: 3310, user: u, password: p, server-id: 77,
                          tls: { mode: required } }
                destination: { host: d, user: u2, tls: { mode: verify-ca, ca: /ca.pem } }
                objects: { include: shop, exclude: [ "shop.x?" ], exclude-columns: [ "shop.*.secret" ],
                           operations: { "shop.audit": [ insert, ddl ] } }
                mapping: { case: lower }
                migration:
                  types: [ full ]
                  conflict: { tables: ignore, snapshot: overwrite, stream: fail }
                  snapshot: { parallelism: 4, chunk-rows: 100 }
                  apply: { parallelism: 3, batch-rows: 50, ddl: false }
                  throttle: { snapshot-rows-per-second: 1, snapshot-bytes-per-second: 2,
                              stream-rows-per-second: 3, stream-bytes-per-second: 4,
                              apply-rows-per-second: 5, apply-bytes-per-second: 6 }
                  online-ddl: gh-ost
                  retry: { connection-timeout: 2h, timeout: 90s }
                  heartbeat: { interval: 500ms, table: ferry.heartbeat }
                  binlog-retention-hours: 48
                connect: { url: "http://c:8083", bootstrap-servers: "k:9092", topic-replication-factor: 3,
                           secrets: inline }
                alerts: { lag-seconds: 30, webhook: "https://hooks.example/x" }
                """);
        assertThat(task.source().serverId()).isEqualTo(77);
        assertThat(task.source().tlsMode()).isEqualTo("required");
        assertThat(task.destination().tlsCa()).isEqualTo(Path.of("/ca.pem"));
        assertThat(task.objects().include()).containsExactly("shop");
        assertThat(task.objects().operations()).containsEntry("shop.audit", List.of("insert", "ddl"));
        assertThat(task.mapping().letterCase()).isEqualTo("lower");
        TaskFile.Migration m = task.migration();
        assertThat(m.types()).containsExactly("full");
        assertThat(List.of(m.conflictTables(), m.conflictSnapshot(), m.conflictStream()))
                .containsExactly("ignore", "overwrite", "fail");
        assertThat(List.of(m.snapshotParallelism(), m.snapshotChunkRows(), m.applyParallelism(), m.applyBatchRows()))
                .containsExactly(4, 100, 3, 50);
        assertThat(m.applyDdl()).isFalse();
        assertThat(m.throttle()).isEqualTo(new TaskFile.Throttle(1, 2, 3, 4, 5, 6));
        assertThat(m.onlineDdl()).isEqualTo("gh-ost");
        assertThat(m.connectionRetryTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(m.retryTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(m.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(m.heartbeatTable()).isEqualTo("ferry.heartbeat");
        assertThat(m.binlogRetentionHours()).isEqualTo(48);
        assertThat(task.connect()).contains(new TaskFile.Connect(URI.create("http://c:8083"), "k:9092", 3, "inline"));
        assertThat(task.alerts()).isEqualTo(new TaskFile.Alerts(30, URI.create("https://hooks.example/x")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            migration: { types: [ full, fulll ] } | migration.types[1]: 'fulll' is not one of schema, full
            migration: { types: [] } | migration.types: name at least one of
            migration: { typs: [ full ] } | migration.typs: unknown field; did you mean 'types'?
            migration: { snapshot: { parallelism: 0 } } | migration.snapshot.parallelism: 0 is not between 1 and 64
            migration: { snapshot: { parallelism: many } } | migration.snapshot.parallelism: 'many' is not
            migration: { apply: { ddl: yes-please } } | migration.apply.ddl: 'yes-please' is not true or false
            migration: { conflict: { tables: skip } } | migration.conflict.tables: 'skip' is not one of error, ignore
            migration: { conflict: { snapshot: keep } } | migration.conflict.snapshot: 'keep' is not one of keep-
            migration: { retry: { timeout: 10 minutes } } | migration.retry.timeout: '10 minutes' is not a duration
            migration: { retry: { timeout: 2h, connection-timeout: 1h } } | migration.retry.timeout: must not be longer
            migration: { heartbeat: { table: beat } } | migration.heartbeat.table: 'beat' must be db.table
            migration: { online-ddl: pt-osc } | migration.online-ddl: 'pt-osc' is not one of none, gh-ost
            migration: { throttle: { apply-rows-per-second: -1 } } | migration.throttle.apply-rows-per-second: -1
            objects: { include: [ "a.b.c" ] } | objects.include[0]: 'a.b.c' must have 2 dot-separated parts
            objects: { exclude-columns: [ "a.b" ] } | objects.exclude-columns[0]: 'a.b' must have 3 dot-separated parts
            objects: { row-filters: { "shop.*": "x > 1" } } | objects.row-filters.shop.*: a row filter names one table
            objects: { operations: { "shop.a": [ upsert ] } } | objects.operations.shop.a[0]: 'upsert' is not
            objects: { inclde: [ x ] } | objects.inclde: unknown field; did you mean 'include'?
            mapping: { case: camel } | mapping.case: 'camel' is not one of as-source, lower, upper
            mapping: { tables: { shop: x } } | mapping.tables.shop: must name a db.table
            connect: { url: "ftp://x", bootstrap-servers: k } | connect.url: 'ftp://x' is not an http(s) URL
            connect: { url: "http://x:8083" } | connect.bootstrap-servers: is required
            connect: { url: "http://x:1", bootstrap-servers: k, secrets: plain } | connect.secrets: 'plain' is
            embedded: { rest-port: 70000 } | embedded.rest-port: 70000 is not between 0 and 65535
            alerts: { webhook: "not a url" } | alerts.webhook: 'not a url' is not a URL
            alerts: { lag: 5 } | alerts.lag: unknown field
            colour: blue | colour: unknown field
            topics: { format: protobuf } | topics.format: 'protobuf' is not one of json, avro
            topics: { format: avro } | registry.url: is required with topics.format avro
            registry: { url: "registry:8080" } | registry.url: 'registry:8080' is not an http(s) URL
            """)
    void badFieldsAreRejectedWithTheirPath(String yaml, String message) {
        assertThatThrownBy(() -> TaskFileParser.parse(base() + yaml)).isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            name: "shop move" | name: 'shop move' must be letters
            source: { host: s, user: u, port: 0 } | source.port: 0 is not between 1 and 65535
            source: { user: u } | source.host: is required
            source: { host: s } | source.user: is required
            source: { host: s, user: u, tls: { mode: verify-ca } } | source.tls.ca: is required with mode verify-ca
            source: { host: s, user: u, tls: { mode: strict } } | source.tls.mode: 'strict' is not one of disabled
            source: { host: s, user: u, password: "${vault:x}" } | source.password: '${vault:x}' is not a secret
            source: { host: s, user: u, server-id: -1 } | source.server-id: -1 is not between 0 and 4294967295
            source: [ s ] | source: expected a mapping of fields, got a list
            """)
    void badServerFieldsAreRejectedWithTheirPath(String replacement, String message) {
        String yaml = replacement.startsWith("name:")
                ? base().replace("name: t", replacement) : base().replace("source: { host: s, user: u }", replacement);
        assertThatThrownBy(() -> TaskFileParser.parse(yaml)).isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void duplicateFieldsAndBrokenYamlAreRejected() {
        assertThatThrownBy(() -> TaskFileParser.parse(base() + "name: again\n"))
                .isInstanceOf(TaskFileException.class).hasMessageContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> TaskFileParser.parse("name: [ x\n")).isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith("not valid YAML");
        assertThatThrownBy(() -> TaskFileParser.parse("")).hasMessage("the task file is empty");
    }

    @Test
    void embeddedAndConnectExcludeEachOther() {
        assertThatThrownBy(() -> TaskFileParser.parse(base()
                + "connect: { url: \"http://x:1\", bootstrap-servers: k }\nembedded: { rest-port: 1 }\n"))
                .hasMessageStartingWith("embedded: only used without a connect section");
    }

    @Test
    void scalarsOfAnyTypeReadAsStringsWhereStringsAreExpected() {
        TaskFile task = TaskFileParser.parse(base().replace("user: u }", "user: u, password: 1234 }"));
        assertThat(task.source().password().value()).isEqualTo("1234");
        assertThat(Map.of("p", task.source().password().toString())).containsEntry("p", Secret.MASK);
    }

    private static String base() {
        return "name: t\nsource: { host: s, user: u }\ndestination: { host: d, user: u }\n";
    }
}
