package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.TableDef;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StripePlannerIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        SOURCE.createDatabase("plan");
        connection = SOURCE.connect();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void compositeKeysAreCutIntoStripesOfAboutEqualRows() throws SQLException {
        SOURCE.execute("CREATE TABLE plan.comp (a INT NOT NULL, b VARCHAR(10) NOT NULL, PRIMARY KEY (a, b))",
                "INSERT INTO plan.comp SELECT seq % 7, CONCAT('b', seq) FROM " + ChunkSplitterIT.seq(1, 1000),
                "ANALYZE TABLE plan.comp");
        List<ChunkRange> stripes = plan("comp", 4, 100);
        assertThat(stripes).hasSize(4);
        SnapshotWalk.assertContiguous(stripes);
        for (ChunkRange stripe : stripes) {
            assertThat(rows("comp", stripe)).isBetween(150L, 350L);
        }
    }

    @Test
    void integerKeysAreCutEvenlyBetweenMinAndMax() throws SQLException {
        SOURCE.execute("CREATE TABLE plan.ints (id INT PRIMARY KEY)",
                "INSERT INTO plan.ints SELECT seq * 3 FROM " + ChunkSplitterIT.seq(100, 899),
                "ANALYZE TABLE plan.ints");
        List<ChunkRange> stripes = plan("ints", 4, 100);
        // keys 300..2697: MIN + i * (MAX - MIN) / 4
        assertThat(stripes).containsExactly(ChunkRange.of(null, List.of(899)),
                ChunkRange.of(List.of(899), List.of(1498)), ChunkRange.of(List.of(1498), List.of(2097)),
                ChunkRange.of(List.of(2097), null));
        assertThat(stripes.get(1).start().get(0)).isInstanceOf(Integer.class); // as the codec reads the key
    }

    @Test
    void smallTablesGetFewerStripes() throws SQLException {
        SOURCE.execute("CREATE TABLE plan.small (id INT PRIMARY KEY)",
                "INSERT INTO plan.small SELECT seq FROM " + ChunkSplitterIT.seq(1, 250), "ANALYZE TABLE plan.small");
        assertThat(plan("small", 8, 100)).hasSize(2);
        assertThat(plan("small", 8, 1000)).containsExactly(ChunkRange.ALL);
    }

    @Test
    void tableWithoutKeyIsOneStripe() throws SQLException {
        SOURCE.execute("CREATE TABLE plan.nokey (a INT)",
                "INSERT INTO plan.nokey SELECT seq FROM " + ChunkSplitterIT.seq(1, 500), "ANALYZE TABLE plan.nokey");
        assertThat(plan("nokey", 8, 1)).containsExactly(ChunkRange.ALL);
    }

    private static List<ChunkRange> plan(String name, int maxStripes, long minRows) throws SQLException {
        TableDef table = SnapshotWalk.table(connection, "plan", name);
        List<KeyColumnCodec> codecs = table.keyColumns().isEmpty() ? List.of() : KeyColumnCodec.jdbc(table);
        return new StripePlanner(connection, table, codecs).plan(maxStripes, minRows);
    }

    private static long rows(String name, ChunkRange stripe) throws SQLException {
        TableDef table = SnapshotWalk.table(connection, "plan", name);
        ChunkQuery query = new ChunkQuery(table, KeyColumnCodec.jdbc(table), 100);
        List<Object[]> rows = new ArrayList<>();
        return query.read(connection, stripe, ChunkQuery.allColumns(table), rows::add);
    }
}
