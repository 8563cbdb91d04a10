package io.ferry.migrator.assess;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Indexes whose key would be longer than the destination's InnoDB limit (3072 bytes with 16 KB pages, less with
 * smaller pages; 767 bytes per column with the COMPACT and REDUNDANT row formats), and MariaDB's long unique
 * keys (a hash over a whole TEXT or BLOB), which MySQL cannot create.
 */
final class KeyLengthAssessment implements PrecheckItem {

    private static final String INDEX_PARTS = "SELECT s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME, s.INDEX_TYPE,"
            + " s.SUB_PART, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, cs.MAXLEN FROM information_schema.STATISTICS s"
            + " JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME"
            + " AND c.COLUMN_NAME = s.COLUMN_NAME LEFT JOIN information_schema.CHARACTER_SETS cs"
            + " ON cs.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME ORDER BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME,"
            + " s.SEQ_IN_INDEX";
    /** What a non-string key part is counted as: more than any fixed-size type needs, so the estimate is safe. */
    static final int FIXED_PART_BYTES = 8;
    private static final Set<String> STRING_TYPES = Set.of("char", "varchar", "binary", "varbinary", "tinytext",
            "text", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob");

    @Override
    public String name() {
        return "index-key-length";
    }

    @Override
    public String title() {
        return "Index keys within the destination's length limit";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        int pageSize = Integer.parseInt(variable(context, "innodb_page_size", "16384"));
        String rowFormat = variable(context, "innodb_default_row_format", "dynamic").toLowerCase(Locale.ROOT);
        int limit = indexLimit(pageSize);
        int columnLimit = rowFormat.equals("compact") || rowFormat.equals("redundant") ? 767 : limit;
        ServerFlavor destination = PrecheckContext.flavor(context.destination());
        Map<String, int[]> indexes = new LinkedHashMap<>(); // {total bytes, longest part}
        Map<String, TableId> tables = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (List<String> row : Assessment.selectedRows(context, INDEX_PARTS)) {
            String type = row.get(3);
            String index = row.get(0) + "." + row.get(1) + " index " + row.get(2);
            if ("HASH".equals(type) && destination == ServerFlavor.MYSQL) {
                findings.add(Finding.failure(index, index + " is a MariaDB long unique key (a hash of a whole TEXT or"
                        + " BLOB value), which MySQL cannot create", "Replace it with a unique key on a prefix or on"
                        + " a stored generated column holding a hash of the value"));
            }
            if (!"BTREE".equals(type)) {
                continue; // FULLTEXT, SPATIAL and hash keys have no byte limit of this kind
            }
            int bytes = partBytes(row.get(5), number(row.get(4)), number(row.get(6)), number(row.get(7)));
            int[] sums = indexes.computeIfAbsent(index, k -> new int[2]);
            sums[0] += bytes;
            sums[1] = Math.max(sums[1], bytes);
            tables.putIfAbsent(index, new TableId(row.get(0), row.get(1)));
        }
        indexes.forEach((index, sums) -> {
            if (sums[0] > limit || sums[1] > columnLimit) {
                findings.add(Finding.failure(index, index + " needs up to " + sums[0] + " bytes (longest part "
                        + sums[1] + "), over the destination's limit of " + limit + " bytes per key and " + columnLimit
                        + " per column (innodb_page_size " + pageSize + ", row format " + rowFormat + ")",
                        "Index a shorter prefix of the long column(s), or use a destination with 16 KB pages and the"
                                + " DYNAMIC row format"));
            }
        });
        if (findings.isEmpty()) {
            findings.add(Finding.pass("keys", indexes.size() + " index(es) fit the destination's limit of " + limit
                    + " bytes"));
        }
        return findings;
    }

    /** InnoDB's key length limit for a page size: 3072 bytes from 16 KB pages up, else proportionally less. */
    static int indexLimit(int pageSize) {
        return pageSize >= 16_384 ? 3072 : pageSize >= 8192 ? 1536 : 768;
    }

    /** The most bytes a key part can take: characters times the charset's widest character, or a fixed size. */
    static int partBytes(String dataType, int prefix, int maxCharacters, int bytesPerCharacter) {
        if (!STRING_TYPES.contains(dataType.toLowerCase(Locale.ROOT))) {
            return FIXED_PART_BYTES;
        }
        long characters = prefix > 0 ? prefix : maxCharacters;
        return (int) Math.min(characters * Math.max(bytesPerCharacter, 1), Integer.MAX_VALUE);
    }

    private static String variable(PrecheckContext context, String name, String fallback) throws SQLException {
        List<List<String>> rows = PrecheckContext.rows(context.destination(), "SHOW GLOBAL VARIABLES LIKE '"
                + name + "'");
        return rows.isEmpty() || rows.get(0).get(1) == null ? fallback : rows.get(0).get(1);
    }

    private static int number(String text) {
        if (text == null) {
            return 0;
        }
        long value = Long.parseLong(text);
        return (int) Math.min(value, Integer.MAX_VALUE); // LONGTEXT's 4 GB length does not fit an int
    }
}
