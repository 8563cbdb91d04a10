package io.ferry.source.schema.convert;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Text forms of temporal values that MySQL parses without any time-zone conversion. */
final class Temporals {

    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private Temporals() {
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
