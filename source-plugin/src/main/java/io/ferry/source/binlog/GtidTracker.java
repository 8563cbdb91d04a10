package io.ferry.source.binlog;

import com.github.shyiko.mysql.binlog.GtidSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's executed GTID set as the reader moves through the binlog, so that every offset can name
 * the set a reconnect would start from. MariaDB keeps one {@code domain-server-seq} per domain (the newest
 * replaces the older); MySQL keeps {@code uuid:intervals}, to which each transaction's GTID is added.
 */
abstract sealed class GtidTracker {

    /** A tracker starting from {@code executed}; a null set means GTIDs are not tracked. */
    static GtidTracker start(boolean mariaDb, String executed) {
        if (executed == null) {
            return new None();
        }
        return mariaDb ? new MariaDb(executed) : new MySql(executed);
    }

    /** The executed set now, or null when not tracked. */
    abstract String executed();

    /** Records that the transaction with {@code gtid} is being read. */
    abstract void add(String gtid);

    static final class None extends GtidTracker {
        @Override
        String executed() {
            return null;
        }

        @Override
        void add(String gtid) {
        }
    }

    static final class MariaDb extends GtidTracker {
        private final Map<Long, String> byDomain = new LinkedHashMap<>();

        MariaDb(String executed) {
            for (String gtid : executed.split(",")) {
                if (!gtid.isBlank()) {
                    add(gtid.trim());
                }
            }
        }

        @Override
        String executed() {
            return String.join(",", byDomain.values());
        }

        @Override
        void add(String gtid) {
            byDomain.put(Long.parseLong(gtid.substring(0, gtid.indexOf('-'))), gtid);
        }
    }

    static final class MySql extends GtidTracker {
        private final GtidSet set;

        MySql(String executed) {
            this.set = new GtidSet(executed);
        }

        @Override
        String executed() {
            return set.toString();
        }

        @Override
        void add(String gtid) {
            set.add(gtid);
        }
    }
}
