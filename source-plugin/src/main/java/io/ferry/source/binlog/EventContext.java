package io.ferry.source.binlog;

/**
 * Where a change came from, for the event's {@code source} block.
 *
 * @param timestampMs when the server wrote the event (binlog header, second precision)
 * @param serverId    the server that originally executed it
 * @param file        binlog file of the event
 * @param pos         start position of the event in that file
 * @param row         index of the row within its row event
 * @param gtid        the transaction's GTID, or null
 * @param thread      the executing connection's thread id where the binlog tells it, or null
 * @param query       the statement that caused the change where the server logs it, or null
 */
public record EventContext(long timestampMs, long serverId, String file, long pos, int row, String gtid,
                           Long thread, String query) {
}
