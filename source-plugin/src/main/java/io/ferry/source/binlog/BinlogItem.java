package io.ferry.source.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.ferry.common.TableId;
import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.StreamOffset;
import java.io.Serializable;

/**
 * What the binlog reader hands to the task, in binlog order: row changes, schema changes, and transaction
 * ends. Each carries the offset to store once it has been handled, so a restart resumes right after it.
 */
public sealed interface BinlogItem {

    /** The offset that makes a restart resume right after this item. */
    StreamOffset offsetAfter();

    /** Where this item's event ended in the binlog: compared against snapshot watermarks. */
    BinlogPosition end();

    /** The kind of row change, as Debezium's {@code op}. */
    enum Operation {
        CREATE("c"), UPDATE("u"), DELETE("d");

        private final String code;

        Operation(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * One row of a row event. {@code before} is null for inserts, {@code after} null for deletes; values are
     * raw, as the binlog library decoded them with the columns of {@code tableMap}.
     */
    record RowChange(TableId table, TableMapEventData tableMap, Operation operation, Serializable[] before,
                     Serializable[] after, EventContext context, BinlogPosition end, StreamOffset offsetAfter)
            implements BinlogItem {
    }

    /** A DDL statement (or other non-transactional statement) as logged. */
    record SchemaChange(String database, String sql, EventContext context, BinlogPosition end,
                        StreamOffset offsetAfter) implements BinlogItem {
    }

    /**
     * The reader moved past events that belong to no transaction (file headers, checkpoints, server
     * heartbeats): nothing to emit, but it shows how far the binlog has been read.
     */
    record Progress(BinlogPosition end, StreamOffset offsetAfter) implements BinlogItem {
    }

    /** A transaction committed: nothing to emit, but the offset may advance past it. */
    record TransactionEnd(BinlogPosition end, StreamOffset offsetAfter) implements BinlogItem {
    }
}
