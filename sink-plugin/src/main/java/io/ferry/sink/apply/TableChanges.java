package io.ferry.sink.apply;

import io.ferry.common.TableId;
import io.ferry.sink.ConflictPolicy;
import io.ferry.sink.event.Operation;
import io.ferry.sink.event.RowChange;
import io.ferry.sink.event.RowKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/**
 * The changes of one put() to one source table, collapsed per key: only each key's last state is written, but
 * a key deleted earlier in the batch is still deleted before its new row is inserted, so a delete followed by
 * an insert ends as the insert (and a keep-destination read after a delete is not skipped). Tables without a
 * key are not collapsed: their changes are applied one by one, in order.
 */
final class TableChanges {

    /**
     * The final state of one key in this batch.
     *
     * @param deleteFirst the key's destination row must be deleted before {@code image} is inserted
     * @param keyRow      a row image holding the key's values (the before image of a delete)
     * @param image       the row to write, or null when the key ends deleted
     * @param policy      the conflict policy of the last change (snapshot or stream)
     * @param change      the last change, for error messages
     */
    record KeyState(boolean deleteFirst, Struct keyRow, Struct image, ConflictPolicy policy, RowChange change) {
    }

    private final TableId source;
    private final boolean keyed;
    private boolean truncateFirst;
    private final Map<RowKey, KeyState> keys = new LinkedHashMap<>();
    private final List<RowChange> unkeyed = new ArrayList<>();

    TableChanges(TableId source, boolean keyed) {
        this.source = source;
        this.keyed = keyed;
    }

    TableId source() {
        return source;
    }

    boolean keyed() {
        return keyed;
    }

    boolean truncateFirst() {
        return truncateFirst;
    }

    /** Adds a change, given the policy of its operation. The change's key mode must match {@link #keyed()}. */
    void add(RowChange change, ConflictPolicy policy) {
        if (change.op() == Operation.TRUNCATE) {
            keys.clear();
            unkeyed.clear();
            truncateFirst = true;
            return;
        }
        if (!keyed) {
            unkeyed.add(change);
            return;
        }
        if (change.op() == Operation.DELETE) {
            keys.put(change.keyBefore(), new KeyState(true, change.before(), null, policy, change));
            return;
        }
        RowKey key = change.keyAfter();
        if (change.op() == Operation.UPDATE) {
            RowKey old = change.keyBefore();
            if (!old.equals(key)) {
                keys.put(old, new KeyState(true, change.before(), null, policy, change));
            }
        }
        KeyState previous = keys.get(key);
        boolean deleteFirst = previous != null && previous.deleteFirst();
        ConflictPolicy effective = policy;
        if (change.op() == Operation.READ && previous != null && previous.image() != null
                && previous.change().op() != Operation.READ) {
            // A snapshot read after a change of the same key in this batch holds that change's state or a newer
            // one (the source emits a chunk's changes before its reads). Kept under keep-destination, it would
            // leave the destination's row from before this batch and lose the change: write it as the change
            // would have been written.
            effective = previous.policy();
        }
        keys.remove(key); // re-insert at the end: the key's last change orders it
        keys.put(key, new KeyState(deleteFirst, change.after(), change.after(), effective, change));
    }

    Collection<KeyState> keyStates() {
        return keys.values();
    }

    List<RowChange> unkeyedChanges() {
        return unkeyed;
    }

    int size() {
        return keyed ? keys.size() : unkeyed.size();
    }
}
