package io.ferry.source.schema;

import io.ferry.common.config.ConfigEnums;

/**
 * How DATE, DATETIME and TIME columns become Connect fields ({@code time.precision.mode}), as Debezium's key of
 * the same name. TIMESTAMP (a UTC string) and YEAR are the same in both modes.
 */
public enum TimePrecisionMode {
    /** Debezium's semantic types: exact to the microsecond, and TIME as a signed duration of any length. */
    ADAPTIVE_TIME_MICROSECONDS,
    /**
     * Connect's own {@code Date}, {@code Time} and {@code Timestamp}, which Avro converters write as the logical
     * types {@code date}, {@code time-millis} and {@code timestamp-millis}: milliseconds only, and TIME only as a
     * time of day.
     */
    CONNECT;

    public String configValue() {
        return ConfigEnums.value(this);
    }

    public static TimePrecisionMode parse(String value) {
        return ConfigEnums.parse(TimePrecisionMode.class, value);
    }

    public static String[] configValues() {
        return ConfigEnums.values(TimePrecisionMode.class);
    }
}
