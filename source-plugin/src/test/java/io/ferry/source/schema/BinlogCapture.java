package io.ferry.source.schema;

import static org.awaitility.Awaitility.await;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.ferry.common.TableId;
import io.ferry.source.schema.binlog.BinlogDeserialization;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test helper: reads one table's inserted rows and its table map from a real server's binlog. */
final class BinlogCapture {

    /** What the binlog said about a table: its last table map and the rows inserted into it. */
    record Captured(TableMapEventData tableMap, List<Serializable[]> rows) {
    }

    private BinlogCapture() {
    }

    /** The binlog file and position after everything written so far. */
    static String[] currentPosition(MySqlServer server) {
        List<String> status = server.queryRows("SHOW MASTER STATUS").get(0);
        return new String[] {status.get(0), status.get(1)};
    }

    /** Reads from {@code position} until {@code expectedRows} rows were inserted into {@code table}. */
    static Captured read(MySqlServer server, String[] position, TableId table, int expectedRows) throws Exception {
        Map<Long, TableMapEventData> tableMaps = new ConcurrentHashMap<>();
        List<TableMapEventData> ourMaps = new CopyOnWriteArrayList<>();
        List<Serializable[]> rows = new CopyOnWriteArrayList<>();
        BinaryLogClient client = new BinaryLogClient(server.host(), server.port(), server.user(), server.password());
        client.setServerId(65000);
        client.setKeepAlive(false);
        client.setBinlogFilename(position[0]);
        client.setBinlogPosition(Long.parseLong(position[1]));
        client.setEventDeserializer(BinlogDeserialization.newEventDeserializer());
        client.registerEventListener(event -> {
            EventData data = event.getData();
            if (data instanceof TableMapEventData map) {
                tableMaps.put(map.getTableId(), map);
                if (map.getDatabase().equals(table.database()) && map.getTable().equals(table.table())) {
                    ourMaps.add(map);
                }
            } else if (data instanceof WriteRowsEventData write) {
                TableMapEventData map = tableMaps.get(write.getTableId());
                if (map != null && map.getDatabase().equals(table.database())
                        && map.getTable().equals(table.table())) {
                    rows.addAll(write.getRows());
                }
            }
        });
        client.connect(Duration.ofSeconds(30).toMillis());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.size() >= expectedRows);
        } finally {
            client.disconnect();
        }
        return new Captured(ourMaps.get(ourMaps.size() - 1), new ArrayList<>(rows));
    }
}
