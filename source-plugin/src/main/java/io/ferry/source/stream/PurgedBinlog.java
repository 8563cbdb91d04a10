package io.ferry.source.stream;

import com.github.shyiko.mysql.binlog.network.ServerException;
import java.util.Locale;

/**
 * Recognises the server's refusal to send a binlog it no longer has. The server checks a GTID set only when
 * the dump starts, after the client has connected, so this arrives as a read failure rather than a connect
 * error; retrying cannot help, the task must fail with what to do.
 */
final class PurgedBinlog {

    /** MySQL and MariaDB {@code ER_MASTER_FATAL_ERROR_READING_BINLOG}: the dump cannot start or continue. */
    private static final int FATAL_ERROR_READING_BINLOG = 1236;

    private PurgedBinlog() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerException server && server.getErrorCode() == FATAL_ERROR_READING_BINLOG) {
                String message = String.valueOf(server.getMessage()).toLowerCase(Locale.ROOT);
                // Also 1236: a replica id clash, a corrupt event, or (MariaDB) a GTID the server does not have
                // yet, e.g. a lagging replica after a failover; a retry or an operator fixes those.
                return message.contains("purged") || message.contains("could not find");
            }
        }
        return false;
    }
}
