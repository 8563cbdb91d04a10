package io.ferry.sink.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.TableId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class DestinationTableTest {

    private static DestinationTable table(String... columns) {
        return new DestinationTable(new TableId("d", "t"), List.of(columns).stream()
                .map(name -> new DestinationColumn(name, "int", true, false)).toList(), List.of(), Map.of());
    }

    @Test
    void aFieldFindsItsColumnByNameThenByTheAvroAdjustedName() {
        DestinationTable table = table("1st", "price$", "Price_x", "a-b c");
        assertThat(table.columnOfField("PRICE$").name()).isEqualTo("price$");
        assertThat(table.columnOfField("_1st").name()).isEqualTo("1st");
        assertThat(table.columnOfField("price_").name()).isEqualTo("price$");
        assertThat(table.columnOfField("a_b_c").name()).isEqualTo("a-b c");
        assertThat(table.columnOfField("price_x").name()).as("an exact name wins").isEqualTo("Price_x");
        assertThat(table.columnOfField("nothing")).isNull();
    }

    @Test
    void twoColumnsAdjustingToTheFieldAreAmbiguous() {
        assertThatThrownBy(() -> table("a-b", "a$b").columnOfField("a_b")).isInstanceOf(DataException.class)
                .hasMessageContaining("a-b and a$b").hasMessageContaining("mapping.rules");
    }
}
