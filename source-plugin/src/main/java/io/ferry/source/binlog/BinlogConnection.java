package io.ferry.source.binlog;

import io.ferry.source.tls.SourceTls;

/**
 * How to open a replication connection.
 *
 * @param serverId a server id unique among the source's replicas: the server drops an older connection
 *                 that uses the same id
 * @param tls      the TLS of every source connection
 */
public record BinlogConnection(String host, int port, String user, String password, long serverId,
                               boolean mariaDb, long connectTimeoutMs, long heartbeatIntervalMs,
                               SourceTls tls) {
}
