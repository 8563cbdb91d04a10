package io.ferry.source.schema;

import com.mysql.cj.CharsetMapping;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL character sets: their Java decoders and their maximum bytes per character. Binlog rows carry raw
 * bytes of character columns, so decoding must use exactly the charset Connector/J uses on the snapshot path.
 */
public final class MySqlCharsets {

    /** MySQL's latin1 is Windows-1252 (it has the euro sign at 0x80), as in Connector/J. */
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("utf8mb4", "UTF-8"), Map.entry("utf8mb3", "UTF-8"), Map.entry("utf8", "UTF-8"),
            Map.entry("latin1", "windows-1252"), Map.entry("ascii", "US-ASCII"), Map.entry("ucs2", "UTF-16BE"),
            Map.entry("utf16", "UTF-16BE"), Map.entry("utf16le", "UTF-16LE"), Map.entry("utf32", "UTF-32BE"),
            Map.entry("latin2", "ISO-8859-2"), Map.entry("greek", "ISO-8859-7"), Map.entry("hebrew", "ISO-8859-8"),
            Map.entry("latin5", "ISO-8859-9"), Map.entry("latin7", "ISO-8859-13"), Map.entry("cp1250", "windows-1250"),
            Map.entry("cp1251", "windows-1251"), Map.entry("cp1256", "windows-1256"),
            Map.entry("cp1257", "windows-1257"), Map.entry("koi8r", "KOI8-R"), Map.entry("koi8u", "KOI8-U"),
            Map.entry("gbk", "GBK"), Map.entry("gb2312", "GB2312"), Map.entry("gb18030", "GB18030"),
            Map.entry("big5", "Big5"), Map.entry("sjis", "Shift_JIS"), Map.entry("cp932", "windows-31j"),
            Map.entry("ujis", "EUC-JP"), Map.entry("eucjpms", "EUC-JP"), Map.entry("euckr", "EUC-KR"),
            Map.entry("tis620", "TIS-620"), Map.entry("cp850", "IBM850"), Map.entry("cp852", "IBM852"),
            Map.entry("cp866", "IBM866"));

    private static final Map<String, Integer> MAX_BYTES = Map.ofEntries(
            Map.entry("utf8mb4", 4), Map.entry("utf8mb3", 3), Map.entry("utf8", 3), Map.entry("ucs2", 2),
            Map.entry("utf16", 4), Map.entry("utf16le", 4), Map.entry("utf32", 4), Map.entry("gbk", 2),
            Map.entry("gb2312", 2), Map.entry("gb18030", 4), Map.entry("big5", 2), Map.entry("sjis", 2),
            Map.entry("cp932", 2), Map.entry("ujis", 3), Map.entry("eucjpms", 3), Map.entry("euckr", 2));

    private MySqlCharsets() {
    }

    /** The Java decoder for a MySQL character set name; UTF-8 for a null name. */
    public static Charset javaCharset(String mysqlCharset) {
        if (mysqlCharset == null) {
            return StandardCharsets.UTF_8;
        }
        String name = JAVA_NAMES.get(mysqlCharset.toLowerCase(Locale.ROOT));
        if (name == null) {
            throw new IllegalArgumentException("No Java decoder is known for MySQL character set " + mysqlCharset);
        }
        return Charset.forName(name);
    }

    /** The most bytes one character takes, to turn a binlog byte length into a character length. */
    public static int maxBytesPerChar(String mysqlCharset) {
        return mysqlCharset == null ? 1 : MAX_BYTES.getOrDefault(mysqlCharset.toLowerCase(Locale.ROOT), 1);
    }

    /** Character sets of MariaDB's UCA 14.0.0 collations, by bits 8-10 of the collation id above 2047. */
    private static final String[] MARIADB_UCA1400_CHARSETS = {"utf8mb3", "utf8mb4", "ucs2", "utf16", "utf32"};
    private static final int MARIADB_UCA1400_FIRST_ID = 2048;

    /**
     * The character set of a collation id from binlog table-map metadata. Connector/J knows MySQL's ids; MariaDB
     * numbers its UCA 14.0.0 collations from 2048 as {@code 2048 + (charset << 8) + (tailoring << 3) + flags},
     * e.g. 2048 is utf8mb3_uca1400_ai_ci (seen in information_schema.COLLATION_CHARACTER_SET_APPLICABILITY).
     */
    public static String charsetOfCollation(int collationId) {
        if (collationId >= MARIADB_UCA1400_FIRST_ID) {
            int charset = (collationId - MARIADB_UCA1400_FIRST_ID) >> 8;
            if (charset < MARIADB_UCA1400_CHARSETS.length) {
                return MARIADB_UCA1400_CHARSETS[charset];
            }
        }
        String name = CharsetMapping.getStaticMysqlCharsetNameForCollationIndex(collationId);
        if (name == null) {
            throw new IllegalArgumentException("Unknown collation id " + collationId + " in binlog table metadata");
        }
        return name.equals("utf8") ? "utf8mb3" : name;
    }
}
