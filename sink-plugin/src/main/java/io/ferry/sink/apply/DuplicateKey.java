package io.ferry.sink.apply;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads MySQL's and MariaDB's duplicate-key error (1062), which names the violated index. */
final class DuplicateKey {

    static final int ER_DUP_ENTRY = 1062;
    /** MariaDB: "for key 'uk_email'"; MySQL 8: "for key 'table.uk_email'". */
    private static final Pattern INDEX = Pattern.compile("for key '(?:[^']*\\.)?([^'.]+)'\\s*$");

    private DuplicateKey() {
    }

    /** The name of the violated index if this is a duplicate-key error, else null. */
    static String indexName(SQLException e) {
        if (e.getErrorCode() != ER_DUP_ENTRY) {
            return null;
        }
        Matcher matcher = INDEX.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? matcher.group(1) : "";
    }
}
