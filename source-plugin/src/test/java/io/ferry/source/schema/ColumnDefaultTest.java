package io.ferry.source.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.ColumnDefault.Kind;
import org.junit.jupiter.api.Test;

/** information_schema's COLUMN_DEFAULT as MariaDB 11.4 and MySQL 8 print it. */
class ColumnDefaultTest {

    private static ColumnDefault mariaDb(String columnDefault) {
        return ColumnDefault.fromInformationSchema(columnDefault, "", true);
    }

    private static ColumnDefault mysql(String columnDefault, String extra) {
        return ColumnDefault.fromInformationSchema(columnDefault, extra, false);
    }

    @Test
    void mariaDbNullAndNoDefaultAreNone() {
        assertThat(mariaDb(null)).isEqualTo(ColumnDefault.NONE);
        assertThat(mariaDb("NULL")).isEqualTo(ColumnDefault.NONE);
        assertThat(mariaDb("'NULL'")).isEqualTo(ColumnDefault.literal("NULL"));
    }

    @Test
    void mariaDbLiteralsAreUnquotedAndUnescaped() {
        assertThat(mariaDb("-5")).isEqualTo(ColumnDefault.literal("-5"));
        assertThat(mariaDb("1.50")).isEqualTo(ColumnDefault.literal("1.50"));
        assertThat(mariaDb("1e300")).isEqualTo(ColumnDefault.literal("1e300"));
        assertThat(mariaDb("''")).isEqualTo(ColumnDefault.literal(""));
        assertThat(mariaDb("'it''s \\\\ ok'")).isEqualTo(ColumnDefault.literal("it's \\ ok"));
        assertThat(mariaDb("'ab\\0\\0'")).isEqualTo(ColumnDefault.literal("ab\0\0"));
        assertThat(mariaDb("'a\\nb\\'c\\%'")).isEqualTo(ColumnDefault.literal("a\nb'c\\%"));
        assertThat(mariaDb("'2000-01-01 00:00:00'")).isEqualTo(ColumnDefault.literal("2000-01-01 00:00:00"));
    }

    @Test
    void bitValuesKeepTheirDigits() {
        assertThat(mariaDb("b'1000000001'")).isEqualTo(new ColumnDefault(Kind.BITS, "1000000001"));
        assertThat(mysql("b'1'", "")).isEqualTo(new ColumnDefault(Kind.BITS, "1"));
    }

    @Test
    void currentTimestampInEveryFormIsRecognized() {
        assertThat(mariaDb("current_timestamp()").kind()).isEqualTo(Kind.CURRENT_TIMESTAMP);
        assertThat(mariaDb("current_timestamp(6)").kind()).isEqualTo(Kind.CURRENT_TIMESTAMP);
        assertThat(mysql("CURRENT_TIMESTAMP", "DEFAULT_GENERATED").kind()).isEqualTo(Kind.CURRENT_TIMESTAMP);
        assertThat(mysql("CURRENT_TIMESTAMP(6)", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(6)").kind())
                .isEqualTo(Kind.CURRENT_TIMESTAMP);
        assertThat(mysql("now()", "DEFAULT_GENERATED").kind()).isEqualTo(Kind.CURRENT_TIMESTAMP);
    }

    @Test
    void otherExpressionsHaveNoValue() {
        assertThat(mariaDb("(1 + 1)")).isEqualTo(new ColumnDefault(Kind.EXPRESSION, "(1 + 1)"));
        assertThat(mariaDb("concat('a','b')").kind()).isEqualTo(Kind.EXPRESSION);
        assertThat(mariaDb("curdate()").kind()).isEqualTo(Kind.EXPRESSION);
        assertThat(mysql("(1 + 1)", "DEFAULT_GENERATED").kind()).isEqualTo(Kind.EXPRESSION);
    }

    @Test
    void mysqlPrintsLiteralsUnquotedAndNullForDefaultNull() {
        assertThat(mysql(null, "")).isEqualTo(ColumnDefault.NONE);
        assertThat(mysql("it's", "")).isEqualTo(ColumnDefault.literal("it's"));
        assertThat(mysql("NULL", "")).isEqualTo(ColumnDefault.literal("NULL"));
        assertThat(mysql(" padded ", "")).isEqualTo(ColumnDefault.literal(" padded "));
        assertThat(mysql("CURRENT_TIMESTAMP", "")).isEqualTo(ColumnDefault.literal("CURRENT_TIMESTAMP"));
    }
}
