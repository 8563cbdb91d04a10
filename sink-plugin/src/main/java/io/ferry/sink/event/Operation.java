package io.ferry.sink.event;

import org.apache.kafka.connect.errors.DataException;

/** The {@code op} of a Debezium-style envelope. */
public enum Operation {
    READ("r"), CREATE("c"), UPDATE("u"), DELETE("d"), TRUNCATE("t");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for snapshot reads, which follow {@code snapshot.conflict.policy}. */
    public boolean isSnapshot() {
        return this == READ;
    }

    public static Operation ofCode(String code) {
        for (Operation op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        throw new DataException("Unknown envelope op '" + code + "': expected one of r, c, u, d, t");
    }
}
