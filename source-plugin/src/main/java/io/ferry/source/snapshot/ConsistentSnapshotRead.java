package io.ferry.source.snapshot;

import io.ferry.source.event.RowCodec;
import io.ferry.source.position.BinlogPosition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact read MariaDB offers: {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} opens an InnoDB read view
 * and, in the same step, records the binlog position that view corresponds to, reported by the session status
 * variables {@code binlog_snapshot_file} and {@code binlog_snapshot_position}. MariaDB takes both under its
 * commit-ordering mutex, so the view holds exactly the transactions logged up to that position. No table lock
 * and no global read lock are taken, and concurrent writes never force a retry.
 *
 * <p>Only for InnoDB tables (a non-transactional engine ignores the read view) and only on MariaDB (MySQL
 * has no such status variables; its {@code binlog_snapshot_*} do not exist).
 */
final class ConsistentSnapshotRead implements WholeTableRead {

    private static final Logger LOG = LoggerFactory.getLogger(ConsistentSnapshotRead.class);

    private final Connection connection;
    private final ChunkQuery query;
    private final RowCodec codec;

    ConsistentSnapshotRead(Connection connection, ChunkQuery query, RowCodec codec) {
        this.connection = connection;
        this.query = query;
        this.codec = codec;
    }

    @Override
    public TableImage read() throws SQLException {
        boolean committed = false;
        try (Statement statement = connection.createStatement()) {
            // Only REPEATABLE READ keeps one view for the whole transaction; this applies to the next one only.
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            try {
                BinlogPosition asOf = snapshotPosition(statement);
                SnapshotHooks.fire(SnapshotHooks.Point.AFTER_LOW_WATERMARK, codec.table().id(), ChunkRange.ALL);
                List<Struct> rows = WholeTableRead.select(connection, query, codec);
                statement.execute("COMMIT");
                committed = true;
                return new TableImage(rows, asOf, 1);
            } finally {
                if (!committed) {
                    rollback(statement);
                }
            }
        }
    }

    /** The binlog position of the current transaction's consistent snapshot. */
    static BinlogPosition snapshotPosition(Statement statement) throws SQLException {
        String file = null;
        Long pos = null;
        try (ResultSet rs = statement.executeQuery("SHOW SESSION STATUS LIKE 'binlog_snapshot_%'")) {
            while (rs.next()) {
                if ("binlog_snapshot_file".equalsIgnoreCase(rs.getString(1))) {
                    file = rs.getString(2);
                } else if ("binlog_snapshot_position".equalsIgnoreCase(rs.getString(1))) {
                    pos = Long.parseLong(rs.getString(2));
                }
            }
        }
        if (file == null || file.isEmpty() || pos == null) {
            throw new SQLException("The server reports no binlog_snapshot_file/binlog_snapshot_position: it is not"
                    + " MariaDB, or binary logging is off");
        }
        return new BinlogPosition(file, pos);
    }

    private static void rollback(Statement statement) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("Ignoring an error while rolling back a failed snapshot read", e);
        }
    }

    @Override
    public void close() {
        // Nothing held between reads: the transaction ends within read().
    }
}
