package io.ferry.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ddl.apply=true}: schema changes captured from the binlog are replayed on the destination with names
 * rewritten through the mapping (database and column renames), and rows that need a new column or table wait
 * for their DDL even though the schema-change topic is consumed independently of the table topics.
 */
class DdlApplyIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void schemaChangesAreReplayedThroughTheMappingInOrderWithTheRows() {
        SOURCE.createDatabase("ddl");
        SOURCE.execute("CREATE TABLE ddl.items (id INT PRIMARY KEY, v VARCHAR(20))");
        DESTINATION.createDatabase("ddl_v2");
        DESTINATION.execute("CREATE TABLE ddl_v2.items (id INT PRIMARY KEY, value_text VARCHAR(20))");
        CONNECT.kafka().createTopic("ddl");
        CONNECT.kafka().createTopic("ddl.ddl.items");
        CONNECT.kafka().createTopic("ddl.ddl.extra");
        Map<String, String> source = Pipelines.source(SOURCE, "ddl", "ddl\\..*", 1);
        source.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "never");
        source.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        CONNECT.deploy("ddl-source", source);
        CONNECT.awaitRunning("ddl-source", 1, TIMEOUT);
        Awaitility.await().atMost(TIMEOUT).until(() -> !CONNECT.offsets("ddl-source").isEmpty());
        Map<String, String> sink = Pipelines.sink(DESTINATION, "ddl|ddl\\.ddl\\..*", 1);
        sink.put(MySqlSinkConfig.DDL_APPLY_CONFIG, "true");
        sink.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, "ddl=ddl_v2, ddl.items.v=value_text");
        CONNECT.deploy("ddl-sink", sink);

        SOURCE.execute("INSERT INTO ddl.items VALUES (1, 'a')",
                "ALTER TABLE ddl.items ADD COLUMN n INT",
                "INSERT INTO ddl.items VALUES (2, 'b', 22)",
                "ALTER TABLE ddl.items MODIFY v VARCHAR(40)",
                "INSERT INTO ddl.items VALUES (3, 'thirty characters long, almost', 33)",
                "CREATE TABLE ddl.extra (id INT PRIMARY KEY, x VARCHAR(5))",
                "INSERT INTO ddl.extra VALUES (1, 'x')",
                "UPDATE ddl.items SET n = 11 WHERE id = 1");

        // ignoreExceptions: until the ALTER is replayed, the destination has no column n to select
        Awaitility.await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            assertThat(TableChecksum.of(DESTINATION, "ddl_v2.items", "id, value_text, n", "id"))
                    .isEqualTo(TableChecksum.of(SOURCE, "ddl.items", "id, v, n", "id"));
            assertThat(DESTINATION.queryRows("SELECT id, x FROM ddl_v2.extra")).containsExactly(
                    java.util.List.of("1", "x"));
        });
        assertThat(DESTINATION.queryString("SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'ddl_v2' AND TABLE_NAME = 'items' AND COLUMN_NAME = 'value_text'"))
                .as("the MODIFY of v reached the renamed column").isEqualTo("40");
        assertThat(CONNECT.status("ddl-sink").tasks().get(0).state()).isEqualTo("RUNNING");
        CONNECT.delete("ddl-sink");
        CONNECT.delete("ddl-source");
    }
}
