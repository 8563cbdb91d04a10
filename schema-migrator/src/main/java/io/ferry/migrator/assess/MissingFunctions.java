package io.ferry.migrator.assess;

import io.ferry.common.server.ServerFlavor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Functions that one flavor has and the other lacks, as far as generated columns can use them (deterministic
 * built-ins). Not exhaustive: the lists name the ones migrations meet; the schema copy's errors catch the rest.
 */
final class MissingFunctions {

    /** MySQL functions MariaDB (11.4) does not have. */
    static final Set<String> MYSQL_ONLY = Set.of("regexp_like", "uuid_to_bin", "bin_to_uuid", "is_uuid",
            "json_storage_size", "json_storage_free", "json_schema_validation_report", "st_latfromgeohash",
            "st_longfromgeohash", "st_pointfromgeohash", "st_geohash", "st_simplify", "st_validate",
            "statement_digest", "statement_digest_text");
    /** MariaDB functions MySQL (8.x) does not have. */
    static final Set<String> MARIADB_ONLY = Set.of("json_compact", "json_detailed", "json_loose", "json_normalize",
            "json_equals", "json_exists", "json_query", "json_key_value", "json_array_intersect",
            "json_object_filter_keys", "json_object_to_array", "sformat", "natural_sort_key", "chr", "to_char",
            "add_months", "column_get", "column_create", "column_add", "column_delete", "column_exists",
            "column_list", "column_check", "column_json", "decode_oracle", "nvl2", "sys_guid", "kdf", "crc32c");

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private MissingFunctions() {
    }

    /** The functions {@code expression} calls that a {@code destination} server lacks, coming from {@code source}. */
    static List<String> in(String expression, ServerFlavor source, ServerFlavor destination) {
        if (source == destination) {
            return List.of();
        }
        Set<String> missing = destination == ServerFlavor.MARIADB ? MYSQL_ONLY : MARIADB_ONLY;
        List<String> found = new ArrayList<>();
        Matcher m = CALL.matcher(expression.replaceAll("'(?:[^'\\\\]|\\\\.|'')*'", "''")); // not inside strings
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (missing.contains(name) && !found.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }
}
