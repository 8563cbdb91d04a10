package io.ferry.source.position;

/**
 * An immutable set of transactions named by their GTIDs, in one of the two flavours a server uses. It answers
 * "has everything up to here been committed?" and is what a GTID-based reconnect sends to the server.
 *
 * <ul>
 *   <li>MySQL ({@link MySqlGtidSet}): {@code uuid:1-42:50,uuid2[:tag]:1-7}, a set of intervals per source
 *       server (and per tag, MySQL 8.4); adding a GTID adds one transaction.</li>
 *   <li>MariaDB ({@link MariaDbGtidPosition}): {@code 0-1-42,1-3-7}, the last GTID of each replication
 *       domain; adding a GTID replaces its domain's last one, and every lower sequence number of the domain
 *       counts as contained.</li>
 * </ul>
 * {@link #toString()} is the canonical text, the form stored in offsets and sent to the server.
 */
public sealed interface GtidSet permits MySqlGtidSet, MariaDbGtidPosition {

    /** Parses a set as the server prints it; null or blank text is the empty set. */
    static GtidSet parse(boolean mariaDb, String text) {
        String value = text == null ? "" : text;
        return mariaDb ? MariaDbGtidPosition.parse(value) : MySqlGtidSet.parse(value);
    }

    /** This set plus the transaction {@code gtid} ({@code uuid:n}, {@code uuid:tag:n} or {@code domain-server-seq}). */
    GtidSet with(String gtid);

    /** True if the transaction {@code gtid} is in the set. */
    boolean contains(String gtid);

    /** True if every transaction of {@code other} (of the same flavour) is in this set. */
    boolean containsAll(GtidSet other);

    boolean isEmpty();
}
