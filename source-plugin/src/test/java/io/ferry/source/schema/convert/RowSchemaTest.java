package io.ferry.source.schema.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.MySqlDateTime;
import io.ferry.source.schema.TableDef;
import java.io.Serializable;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class RowSchemaTest {

    private static final TableDef ORDERS = new TableDef(new TableId("shop-eu", "2024 orders"), List.of(
            new ColumnDef("tenant", ColumnType.of("int", true), false),
            new ColumnDef("day", ColumnType.of("date", false), false),
            new ColumnDef("amount", ColumnType.of("float", false), true)),
            List.of("day", "tenant"), KeyKind.PRIMARY);

    @Test
    void schemaNamesAreValidAvroNames() {
        RowSchema schema = RowSchema.of(ORDERS, "prod-1");
        assertThat(schema.valueSchema().name()).isEqualTo("prod_1.shop_eu._2024_orders.Value");
        assertThat(schema.keySchema().name()).isEqualTo("prod_1.shop_eu._2024_orders.Key");
        assertThat(SchemaNames.adjust("caf\u00E9")).isEqualTo("caf_");
    }

    @Test
    void keyFollowsKeyOrderAndBindsAsJdbcParameters() {
        RowSchema schema = RowSchema.of(ORDERS, "p");
        Struct row = schema.fromBinlog(new Serializable[] {-1, MySqlDateTime.parse("2024-02-29"), null});
        Struct key = schema.key(row);
        assertThat(key.schema().fields()).extracting(f -> f.name()).containsExactly("day", "tenant");
        assertThat(key.get("tenant")).isEqualTo(4294967295L);
        assertThat(schema.keyToJdbc(key)).containsExactly("2024-02-29", 4294967295L);
        assertThat(row.get("amount")).isNull();
        assertThat(schema.selectList()).isEqualTo("`tenant`, CAST(`day` AS CHAR), CAST(`amount` AS DOUBLE)");
    }

    @Test
    void aTableWithoutKeyHasNoKeySchema() {
        TableDef noKey = new TableDef(new TableId("d", "t"), ORDERS.columns(), List.of(), KeyKind.NONE);
        RowSchema schema = RowSchema.of(noKey, "p");
        assertThat(schema.keySchema()).isNull();
        assertThat(schema.key(schema.fromBinlog(new Serializable[] {1, MySqlDateTime.parse("2024-01-01"), 1f})))
                .isNull();
    }
}
