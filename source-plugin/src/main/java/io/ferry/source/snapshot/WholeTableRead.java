package io.ferry.source.snapshot;

import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.event.RowCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/** A way to read a whole table as of one exact binlog position, without locks. */
interface WholeTableRead extends AutoCloseable {

    /** The table's rows and the position they are exactly as of. */
    TableImage read() throws SQLException, InterruptedException, BinlogReadException;

    @Override
    void close();

    /** Runs the table's SELECT on {@code connection}, with the snapshot hooks around it. */
    static List<Struct> select(Connection connection, ChunkQuery query, RowCodec codec) throws SQLException {
        List<Struct> rows = new ArrayList<>();
        query.read(connection, ChunkRange.ALL, rs -> new Object[] {codec.fromJdbc(rs)},
                row -> rows.add((Struct) row[0]));
        SnapshotHooks.fire(SnapshotHooks.Point.AFTER_SELECT, codec.table().id(), ChunkRange.ALL);
        return rows;
    }
}
