package io.ferry.source.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnDefaultsModeTest {

    private static final ColumnDef NULLABLE = new ColumnDef("a", ColumnType.of("int", false), true,
            ColumnDefault.literal("5"));
    private static final ColumnDef NOT_NULL = new ColumnDef("b", ColumnType.of("date", false), false,
            ColumnDefault.literal("2000-01-01"));

    @Test
    void notNullKeepsOnlyTheDefaultsOfNotNullColumns() {
        assertThat(ColumnDefaultsMode.NOT_NULL.apply(NULLABLE).defaultValue()).isEqualTo(ColumnDefault.NONE);
        assertThat(ColumnDefaultsMode.NOT_NULL.apply(NOT_NULL)).isEqualTo(NOT_NULL);
    }

    @Test
    void allKeepsEveryDefaultAndNoneDropsThem() {
        assertThat(ColumnDefaultsMode.ALL.apply(NULLABLE)).isEqualTo(NULLABLE);
        assertThat(ColumnDefaultsMode.NONE.apply(NOT_NULL).defaultValue()).isEqualTo(ColumnDefault.NONE);
        assertThat(ColumnDefaultsMode.NONE.apply(NOT_NULL).type()).isEqualTo(NOT_NULL.type());
    }

    @Test
    void configValuesRoundTrip() {
        assertThat(ColumnDefaultsMode.configValues()).containsExactly("all", "not_null", "none");
        assertThat(ColumnDefaultsMode.parse(" Not_Null ")).isEqualTo(ColumnDefaultsMode.NOT_NULL);
    }
}
