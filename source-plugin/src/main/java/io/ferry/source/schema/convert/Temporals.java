package io.ferry.source.schema.convert;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Text forms of temporal values that MySQL parses without any time-zone conversion. */
final class Temporals {

    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private Temporals() {
    }

    /**
     * The server's own text of a temporal column, or null. Connector/J's {@code getString} re-formats TIME and
     * loses the sign of values between -1 hour and 0 ({@code -00:00:01} becomes {@code 00:00:01}) and rejects
     * zero dates, so the raw bytes of the text protocol are read instead.
     */
    static String serverText(ResultSet rs, int index) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII);
    }

    /** {@code YYYY-MM-DD hh:mm:ss.ffffff}, the literal MySQL accepts for DATETIME and TIMESTAMP parameters. */
    static String sqlText(LocalDateTime value) {
        return SQL.format(value);
    }

    /** The first {@code fsp} digits of a microsecond fraction, e.g. fsp 3 and 120000 give "120". */
    static String fraction(int micros, int fsp) {
        String six = String.format("%06d", micros);
        return six.substring(0, fsp);
    }
}
