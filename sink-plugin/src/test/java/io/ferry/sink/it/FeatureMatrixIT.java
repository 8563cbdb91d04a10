package io.ferry.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.schema.AllTypesTable;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One source, several sinks with different settings reading the same topics: each conflict policy for the
 * snapshot and the stream, name mapping (database, table and column renames, an excluded column), a
 * destination-only row that collides on a secondary unique key, a table without a key, and every column type.
 * Phase 1 checks the state right after the snapshot, phase 2 after inserts, updates, deletes, a primary key
 * change and a unique-value swap.
 */
class FeatureMatrixIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ITEMS = "(id INT PRIMARY KEY, code VARCHAR(20) NOT NULL UNIQUE,"
            + " amount DECIMAL(10,2), note VARCHAR(50))";
    private static final String ITEM_COLUMNS = "id, code, amount, note";

    @BeforeAll
    static void sourceAndDestinations() {
        SOURCE.createDatabase("fm");
        SOURCE.execute("CREATE TABLE fm.items " + ITEMS, "CREATE TABLE fm.plain (a INT, b VARCHAR(10))",
                "INSERT INTO fm.items SELECT seq, CONCAT('c', seq), seq * 10, 'source' FROM fm.seq_1_to_10");
        SOURCE.createDatabase(AllTypesTable.DATABASE);
        SOURCE.execute(AllTypesTable.DDL);
        SOURCE.execute(AllTypesTable.INSERTS.stream().filter(sql -> !sql.contains("VALUES (4,"))
                .toArray(String[]::new));
        for (String db : List.of("fm_keep", "fm_over", "fm_fail")) {
            DESTINATION.createDatabase(db);
            DESTINATION.execute("CREATE TABLE " + db + ".items " + ITEMS,
                    "INSERT INTO " + db + ".items VALUES (1, 'c1', 999, 'destination')");
        }
        DESTINATION.execute("CREATE TABLE fm_keep.plain (a INT, b VARCHAR(10))",
                "INSERT INTO fm_keep.items VALUES (100, 'c2', 1, 'destination only')");
        DESTINATION.createDatabase("fm_map");
        DESTINATION.execute("CREATE TABLE fm_map.goods (id INT PRIMARY KEY, code VARCHAR(20) NOT NULL UNIQUE,"
                + " total_amount DECIMAL(10,2))");
        DESTINATION.createDatabase(AllTypesTable.DATABASE);
        DESTINATION.execute(AllTypesTable.DDL);

        for (String topic : List.of("fm.fm.items", "fm.types.all_types", "fmk.fm.plain")) {
            CONNECT.kafka().createTopic(topic);
        }
        Map<String, String> snapshot = Pipelines.source(SOURCE, "fm", "fm\\.items|types\\.all_types", 1);
        snapshot.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        CONNECT.deploy("fm-source", snapshot);
        Map<String, String> keyless = Pipelines.source(SOURCE, "fmk", "fm\\.plain", 1);
        keyless.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        keyless.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "never");
        CONNECT.deploy("fm-keyless", keyless);
        CONNECT.awaitRunning("fm-keyless", 1, TIMEOUT);

        Map<String, String> keep = Pipelines.sink(DESTINATION,
                "fm\\.fm\\.items|fm\\.types\\.all_types|fmk\\.fm\\.plain", 1);
        keep.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, "fm=fm_keep");
        CONNECT.deploy("fm-keep", keep);
        Map<String, String> over = Pipelines.sink(DESTINATION, "fm\\.fm\\.items", 1);
        over.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, "fm=fm_over");
        over.put(MySqlSinkConfig.SNAPSHOT_CONFLICT_POLICY_CONFIG, "overwrite");
        over.put(MySqlSinkConfig.STREAM_CONFLICT_POLICY_CONFIG, "keep-destination");
        CONNECT.deploy("fm-over", over);
        Map<String, String> fail = Pipelines.sink(DESTINATION, "fm\\.fm\\.items", 1);
        fail.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, "fm=fm_fail");
        fail.put(MySqlSinkConfig.SNAPSHOT_CONFLICT_POLICY_CONFIG, "fail");
        CONNECT.deploy("fm-fail", fail);
        Map<String, String> mapped = Pipelines.sink(DESTINATION, "fm\\.fm\\.items", 1);
        mapped.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, "fm.items=fm_map.goods, fm.items.amount=total_amount");
        mapped.put(MySqlSinkConfig.COLUMN_EXCLUDE_CONFIG, "fm\\.items\\.note");
        CONNECT.deploy("fm-map", mapped);
    }

    @Test
    void eachPolicyAndMappingAfterTheSnapshotAndAfterTheStream() {
        // Phase 1: the snapshot
        awaitRow("fm_keep.items", 10);
        awaitRow("fm_over.items", 10);
        awaitRow("fm_map.goods", 10);
        assertThat(row("fm_keep.items", 1)).as("keep-destination keeps the existing row")
                .contains("999.00", "destination");
        assertThat(row("fm_over.items", 1)).as("overwrite replaces it").contains("10.00", "source");
        assertThat(CONNECT.awaitTaskFailure("fm-fail", TIMEOUT)).contains("fm_fail.items")
                .contains("conflict policy fail").contains("[1]");
        assertThat(DESTINATION.queryString("SELECT code FROM fm_keep.items WHERE id = 2")).isEqualTo("c2");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM fm_keep.items WHERE id = 100"))
                .as("the destination-only row holding c2 was moved aside, not overwritten").isEqualTo("0");
        assertThat(DESTINATION.queryRows("SELECT id, code FROM ferry."
                + "displaced_fm_keep_items_" + Long.toHexString(crc("fm_keep.items"))))
                .containsExactly(List.of("100", "c2"));

        // Phase 2: the stream
        SOURCE.execute("UPDATE fm.items SET note = 'streamed' WHERE id = 1",
                "INSERT INTO fm.items VALUES (11, 'c11', 110, 'new')",
                "UPDATE fm.items SET amount = 33 WHERE id = 3",
                "DELETE FROM fm.items WHERE id = 4",
                "UPDATE fm.items SET id = 50 WHERE id = 5",
                "UPDATE fm.items SET code = 'tmp' WHERE id = 6",
                "UPDATE fm.items SET code = 'c6' WHERE id = 7",
                "UPDATE fm.items SET code = 'c7' WHERE id = 6",
                "INSERT INTO fm.plain VALUES (1, 'a'), (1, 'a'), (2, 'b'), (NULL, NULL)",
                "UPDATE fm.plain SET b = 'aa' WHERE a = 1 LIMIT 1",
                "DELETE FROM fm.plain WHERE a = 2",
                "DELETE FROM fm.plain WHERE a IS NULL");
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(TableChecksum.of(DESTINATION, "fm_keep.items", ITEM_COLUMNS, "id"))
                    .isEqualTo(TableChecksum.of(SOURCE, "fm.items", ITEM_COLUMNS, "id"));
            assertThat(TableChecksum.of(DESTINATION, "fm_keep.plain", "a, b", "a, b"))
                    .isEqualTo(TableChecksum.of(SOURCE, "fm.plain", "a, b", "a, b"));
            assertThat(TableChecksum.of(DESTINATION, "fm_map.goods", "id, code, total_amount", "id"))
                    .isEqualTo(TableChecksum.of(SOURCE, "fm.items", "id, code, amount", "id"));
            assertThat(row("fm_over.items", 50)).isNotNull();
        });
        assertThat(TableChecksum.ofAllColumns(DESTINATION, AllTypesTable.DATABASE, AllTypesTable.TABLE, "id"))
                .as("every type, written back exactly")
                .isEqualTo(TableChecksum.ofAllColumns(SOURCE, AllTypesTable.DATABASE, AllTypesTable.TABLE, "id"));
        assertThat(row("fm_over.items", 1)).as("keep-destination for the stream keeps the snapshot's row")
                .contains("source").doesNotContain("streamed");
        assertThat(row("fm_over.items", 3)).contains("30.00");
        assertThat(row("fm_over.items", 4)).as("deletes always apply").isNull();
        assertThat(row("fm_over.items", 5)).isNull();
        assertThat(row("fm_over.items", 11)).contains("c11");
        assertThat(row("fm_over.items", 6)).contains("c6");
    }

    private static void awaitRow(String table, int id) {
        Awaitility.await().atMost(TIMEOUT).until(() -> row(table, id) != null);
    }

    private static List<String> row(String table, int id) {
        List<List<String>> rows = DESTINATION.queryRows("SELECT id, code, amount, note FROM " + table
                .replace("fm_map.goods", "(SELECT id, code, total_amount AS amount, NULL AS note FROM fm_map.goods) g")
                + " WHERE id = " + id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static long crc(String table) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(table.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
