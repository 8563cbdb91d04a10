package io.ferry.source.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.ferry.common.TableId;
import io.ferry.source.binlog.BinlogItem.Operation;
import io.ferry.source.binlog.BinlogItem.RowChange;
import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.position.StreamOffset;
import io.ferry.source.schema.binlog.BinlogDeserialization;
import io.ferry.source.tls.SourceTls;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reader against a real server: what it hands out, and that a restart at any offset is exact. */
class BinlogReaderIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    private static final AtomicInteger SERVER_IDS = new AtomicInteger(6400);

    @Test
    void readsRowChangesSchemaChangesAndTransactionEnds() throws Exception {
        String db = SOURCE.createDatabase("reader_items");
        StreamOffset start = currentOffset();
        SOURCE.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO " + db + ".t VALUES (1, 'a'), (2, 'b')",
                "UPDATE " + db + ".t SET v = 'bb' WHERE id = 2",
                "DELETE FROM " + db + ".t WHERE id = 1");

        List<BinlogItem> items = read(start, 6);

        assertThat(items).filteredOn(BinlogItem.SchemaChange.class::isInstance).singleElement()
                .satisfies(i -> assertThat(((BinlogItem.SchemaChange) i).sql()).startsWith("CREATE TABLE"));
        List<RowChange> rows = rows(items);
        assertThat(rows).extracting(RowChange::operation)
                .containsExactly(Operation.CREATE, Operation.CREATE, Operation.UPDATE, Operation.DELETE);
        assertThat(rows).extracting(RowChange::table).containsOnly(new TableId(db, "t"));
        assertThat(rows.get(2).before()[1]).isNotNull();
        assertThat(rows.get(2).after()[0]).isEqualTo(2);
        assertThat(rows.get(3).after()).isNull();
        assertThat(items).filteredOn(BinlogItem.TransactionEnd.class::isInstance).hasSize(3);
        assertThat(rows.get(0).context().gtid()).matches("\\d+-\\d+-\\d+");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.context().pos()).as("start of %s ending at %s", r.context(), r.end())
                    .isPositive().isLessThan(r.end().pos());
            assertThat(r.context().file()).isEqualTo(r.end().file());
        });
    }

    @Test
    void restartingAtAnyRowOffsetResumesRightAfterThatRow() throws Exception {
        String db = SOURCE.createDatabase("reader_resume");
        SOURCE.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        StreamOffset start = currentOffset();
        // One transaction with two multi-row events, then a second transaction.
        SOURCE.execute("SET autocommit = 0",
                "INSERT INTO " + db + ".t VALUES (1), (2), (3)",
                "INSERT INTO " + db + ".t VALUES (4), (5)",
                "COMMIT",
                "INSERT INTO " + db + ".t VALUES (6)",
                "COMMIT");
        List<RowChange> all = rows(read(start, 8));
        assertThat(ids(all)).containsExactly(1, 2, 3, 4, 5, 6);

        for (int i = 0; i < all.size(); i++) {
            List<RowChange> rest = rows(read(all.get(i).offsetAfter(), all.size() - 1 - i + 1));
            assertThat(ids(rest)).as("resuming after row %d", i + 1)
                    .containsExactlyElementsOf(ids(all.subList(i + 1, all.size())));
        }
    }

    @Test
    void offsetsCarryTheExactGtidPositionAndResumingByItSkipsTheSameRows() throws Exception {
        String db = SOURCE.createDatabase("reader_gtid");
        SOURCE.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        StreamOffset start = currentOffset();
        assertThat(start.gtids()).as("BINLOG_GTID_POS at the current position")
                .isEqualTo(SOURCE.queryString("SELECT @@global.gtid_binlog_pos"));
        SOURCE.execute("SET autocommit = 0",
                "INSERT INTO " + db + ".t VALUES (1), (2), (3)",
                "INSERT INTO " + db + ".t VALUES (4), (5)",
                "COMMIT",
                "INSERT INTO " + db + ".t VALUES (6)",
                "COMMIT");
        List<BinlogItem> items = read(start, 8);
        List<RowChange> all = rows(items);
        assertThat(all.get(4).offsetAfter().gtids()).as("rows of the first transaction: the set before it")
                .isEqualTo(start.gtids());
        BinlogItem last = items.stream().filter(BinlogItem.TransactionEnd.class::isInstance)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.offsetAfter().gtids()).as("after the last commit: the server's set")
                .isEqualTo(SOURCE.queryString("SELECT @@global.gtid_binlog_pos"));

        for (int i = 0; i < all.size(); i++) {
            StreamOffset offset = all.get(i).offsetAfter();
            // A file and position of no server: by GTID only the set and the skip counts may matter.
            StreamOffset elsewhere = new StreamOffset(new BinlogPosition("other-bin.000042", 12345), offset.gtids(),
                    offset.rowEvents(), offset.rows());
            List<RowChange> rest = rows(read(elsewhere, true, all.size() - 1 - i + 1));
            assertThat(ids(rest)).as("resuming by GTID after row %d", i + 1)
                    .containsExactlyElementsOf(ids(all.subList(i + 1, all.size())));
            assertThat(rest).allSatisfy(r -> assertThat(r.context().file()).startsWith("binlog."));
        }
    }

    private static StreamOffset currentOffset() throws Exception {
        try (Connection connection = SOURCE.connect()) {
            ServerPositions positions = new ServerPositions(connection);
            return positions.currentOffset();
        }
    }

    /** Reads until {@code atLeast} items arrived or the binlog stays quiet for a second. */
    private static List<BinlogItem> read(StreamOffset from, int atLeast) throws Exception {
        return read(from, false, atLeast);
    }

    private static List<BinlogItem> read(StreamOffset from, boolean byGtid, int atLeast) throws Exception {
        BinlogConnection connection = new BinlogConnection(SOURCE.host(), SOURCE.port(), SOURCE.user(),
                SOURCE.password(), SERVER_IDS.incrementAndGet(), true, 10_000, 1_000, SourceTls.DISABLED);
        List<BinlogItem> items = new ArrayList<>();
        try (BinlogReader reader = new BinlogReader(connection, 100)) {
            reader.start(from, byGtid, t -> true, deserializer());
            while (true) {
                List<BinlogItem> batch = reader.poll(100, Duration.ofSeconds(1));
                if (batch.isEmpty()) {
                    return items;
                }
                items.addAll(batch);
            }
        }
    }

    private static EventDeserializer deserializer() {
        return BinlogDeserialization.newEventDeserializer();
    }

    private static List<RowChange> rows(List<BinlogItem> items) {
        return items.stream().filter(RowChange.class::isInstance).map(RowChange.class::cast).toList();
    }

    private static List<Object> ids(List<RowChange> rows) {
        return rows.stream().map(r -> (Object) r.after()[0]).toList();
    }
}
