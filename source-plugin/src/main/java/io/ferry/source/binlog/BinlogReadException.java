package io.ferry.source.binlog;

/** Reading the binlog stopped; the cause says why (connection lost, position purged, undecodable event). */
public final class BinlogReadException extends Exception {

    public BinlogReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
