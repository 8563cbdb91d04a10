package io.ferry.source.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class RowFilterTest {

    private static final Schema ROW = SchemaBuilder.struct().name("t.Value").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .field("status", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private static Struct row(int id, String amount, String status) {
        return new Struct(ROW).put("id", id).put("amount", amount == null ? null : new BigDecimal(amount))
                .put("status", status);
    }

    @Test
    void evaluatesComparisonsOfNumbersAndStrings() {
        RowFilter filter = RowFilter.parse("amount >= 100 AND status <> 'void'");
        assertThat(filter.test(row(1, "100.00", "paid"))).isTrue();
        assertThat(filter.test(row(2, "99.99", "paid"))).isFalse();
        assertThat(filter.test(row(3, "500", "void"))).isFalse();
        assertThat(filter.test(row(4, null, "paid"))).as("NULL compares as unknown, so false").isFalse();
    }

    @Test
    void supportsOrNotInIsNullAndParentheses() {
        RowFilter filter = RowFilter.parse("(id IN (1, 2, 3) OR status = 'it''s') AND NOT amount IS NULL");
        assertThat(filter.test(row(2, "1", null))).isTrue();
        assertThat(filter.test(row(9, "1", "it's"))).isTrue();
        assertThat(filter.test(row(9, "1", "other"))).isFalse();
        assertThat(filter.test(row(1, null, null))).isFalse();
        assertThat(RowFilter.parse("`status` NOT IN ('a', 'b')").test(row(1, "1", "c"))).isTrue();
        assertThat(RowFilter.parse("status IS NOT NULL").test(row(1, "1", null))).isFalse();
    }

    @Test
    void keepsTheSqlForTheSnapshot() {
        assertThat(RowFilter.parse("  amount > 0 ").sql()).isEqualTo("amount > 0");
    }

    @Test
    void reportsWhatItExpected() {
        assertThatThrownBy(() -> RowFilter.parse("amount >")).hasMessageContaining("expected a value at the end");
        assertThatThrownBy(() -> RowFilter.parse("amount ~ 1")).hasMessageContaining("Unexpected '~'");
        assertThatThrownBy(() -> RowFilter.parse("amount > 1 2")).hasMessageContaining("expected the end");
        assertThatThrownBy(() -> RowFilter.parse("status = 'open")).hasMessageContaining("Unterminated");
    }

    @Test
    void failsLoudlyOnWhatTheStreamCannotEvaluate() {
        assertThatThrownBy(() -> RowFilter.parse("missing = 1").test(row(1, "1", "x")))
                .isInstanceOf(DataException.class).hasMessageContaining("'missing'");
        assertThatThrownBy(() -> RowFilter.parse("created > '2024-01-01'")
                .test(row(1, "1", "x").put("created", 5L))).isInstanceOf(DataException.class);
    }
}
