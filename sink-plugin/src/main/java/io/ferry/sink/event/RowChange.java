package io.ferry.sink.event;

import io.ferry.common.TableId;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One row change of a source table.
 *
 * @param table      the source table (before name mapping)
 * @param keyFields  names of the key columns (the record key's fields); empty when the table has no key, and
 *                   then rows are matched on all their columns
 * @param before     the row before the change (updates and deletes), else null
 * @param after      the row after the change (reads, inserts, updates), else null
 */
public record RowChange(SinkRecord record, Operation op, TableId table, List<String> keyFields, Struct before,
        Struct after) implements SinkEvent {

    public boolean hasKey() {
        return !keyFields.isEmpty();
    }

    /** The key of the row as it was before the change (for deletes and updates) or after it (reads, inserts). */
    public RowKey keyBefore() {
        return RowKey.of(keyFields, before != null ? before : after);
    }

    public RowKey keyAfter() {
        return RowKey.of(keyFields, after != null ? after : before);
    }

    /** Coordinates of the record for error messages: topic-partition@offset. */
    public String coordinates() {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
