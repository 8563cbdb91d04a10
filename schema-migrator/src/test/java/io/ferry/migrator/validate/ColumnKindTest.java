package io.ferry.migrator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.server.ServerFlavor;
import org.junit.jupiter.api.Test;

class ColumnKindTest {

    @Test
    void dataTypesMapToKinds() {
        assertThat(ColumnKind.of("BIGINT")).isEqualTo(ColumnKind.INTEGER);
        assertThat(ColumnKind.of("year")).isEqualTo(ColumnKind.INTEGER);
        assertThat(ColumnKind.of("timestamp")).isEqualTo(ColumnKind.DATETIME);
        assertThat(ColumnKind.of("longblob")).isEqualTo(ColumnKind.BINARY);
        assertThat(ColumnKind.of("point")).isEqualTo(ColumnKind.BINARY);
        assertThat(ColumnKind.of("set")).isEqualTo(ColumnKind.ENUM_SET);
        assertThat(ColumnKind.of("inet6")).isEqualTo(ColumnKind.OTHER);
    }

    @Test
    void floatsWidenToDoubleSoTheirTextKeepsEveryBit() {
        // MariaDB prints a FLOAT with 6 digits, which loses bits; a DOUBLE prints its shortest round-trip text.
        assertThat(ColumnKind.FLOAT.canonical("`f`", ServerFlavor.MARIADB))
                .isEqualTo("CAST(CAST(`f` AS DOUBLE) AS CHAR)");
        assertThat(ColumnKind.DATETIME.canonical("`t`", ServerFlavor.MYSQL))
                .isEqualTo("DATE_FORMAT(`t`, '%Y-%m-%d %H:%i:%s.%f')");
    }

    @Test
    void jsonIsNormalizedOnMariaDbAndTakenAsStoredOnMySql() {
        assertThat(ColumnKind.JSON.canonical("`j`", ServerFlavor.MARIADB)).isEqualTo("JSON_NORMALIZE(`j`)");
        assertThat(ColumnKind.JSON.canonical("`j`", ServerFlavor.MYSQL)).isEqualTo("CAST(`j` AS CHAR)");
    }

    @Test
    void keyParametersConvertToTheColumnsType() {
        assertThat(ColumnKind.INTEGER.keyParameter(ComparedColumn.of("a", "a", ColumnKind.INTEGER, false)))
                .isEqualTo("CAST(? AS SIGNED)");
        assertThat(ColumnKind.DECIMAL.keyParameter(new ComparedColumn("a", "a", ColumnKind.DECIMAL, false, 12, 4)))
                .isEqualTo("CAST(? AS DECIMAL(12,4))");
        assertThat(ColumnKind.BINARY.keyText("`b`")).isEqualTo("HEX(`b`)");
        assertThat(ColumnKind.BINARY.keyParameter(ComparedColumn.of("b", "b", ColumnKind.BINARY, false)))
                .isEqualTo("UNHEX(?)");
        assertThat(ColumnKind.FLOAT.usableInKey()).isFalse();
        assertThat(ColumnKind.ENUM_SET.usableInKey()).isFalse();
    }
}
