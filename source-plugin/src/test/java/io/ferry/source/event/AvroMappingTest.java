package io.ferry.source.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.ferry.common.TableId;
import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TimePrecisionMode;
import io.ferry.source.schema.convert.FieldNameAdjustment;
import io.ferry.source.schema.convert.RowSchema;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.junit.jupiter.api.Test;

/**
 * What Ferry's Connect schemas become in Avro, through the Connect-to-Avro mapping of the converter Ferry ships
 * (Apicurio's {@code AvroData}): record names, optional fields and logical types, for identifiers MySQL allows
 * but Avro names do not.
 */
class AvroMappingTest {

    private static final TableDef TABLE = new TableDef(new TableId("shop-eu", "2024 orders$"), List.of(
            new ColumnDef("id", ColumnType.of("int", false), false),
            new ColumnDef("amount", new ColumnType("decimal", false, 0, 10, 2, 0, null, List.of()), true),
            new ColumnDef("day", ColumnType.of("date", false), true),
            new ColumnDef("note", new ColumnType("varchar", false, 20, 0, 0, 0, "utf8mb4", List.of()), true)),
            List.of("id"), KeyKind.PRIMARY);

    private final AvroData avro = new AvroData(16);

    @Test
    void eventsMapToNamedAvroRecordsWhateverTheIdentifiers() {
        RowSchema rows = RowSchema.of(TABLE, "prod-1");
        Envelope envelope = new Envelope("prod_1.shop_eu._2024_orders_.Envelope", rows.valueSchema());

        Schema value = avro.fromConnectSchema(envelope.schema());
        assertThat(value.getFullName()).isEqualTo("prod_1.shop_eu._2024_orders_.Envelope");
        Schema after = value.getField("after").schema();
        assertThat(after.getType()).isEqualTo(Schema.Type.UNION);
        assertThat(after.getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
        Schema row = after.getTypes().get(1);
        assertThat(row.getFullName()).isEqualTo("prod_1.shop_eu._2024_orders_.Value");
        assertThat(value.getField("source").schema().getFullName()).isEqualTo("io.ferry.source.Source");
        assertThat(avro.fromConnectSchema(rows.keySchema()).getFullName())
                .isEqualTo("prod_1.shop_eu._2024_orders_.Key");

        assertThat(row.getField("id").schema().getType()).isEqualTo(Schema.Type.INT);
        Schema amount = row.getField("amount").schema();
        assertThat(amount.getTypes()).extracting(Schema::getType).containsExactly(Schema.Type.NULL,
                Schema.Type.BYTES);
        assertThat(amount.getTypes().get(1).getLogicalType().getName()).isEqualTo("decimal");
        assertThat(row.getField("amount").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        // Debezium's temporal types are plain Avro int/long named by connect.name, exactly as Debezium's own.
        Schema day = row.getField("day").schema().getTypes().get(1);
        assertThat(day.getType()).isEqualTo(Schema.Type.INT);
        assertThat(day.getProp("connect.name")).isEqualTo("io.debezium.time.Date");
        // The parsed form a consumer fetches from the registry is valid Avro.
        assertThat(new Schema.Parser().parse(value.toString()).getFullName()).isEqualTo(value.getFullName());
    }

    @Test
    void avroFieldNameAdjustmentMakesAnyColumnNameAValidAvroField() {
        TableDef odd = new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("1st", ColumnType.of("int", false), false),
                new ColumnDef("price$", ColumnType.of("int", false), true),
                new ColumnDef("a-b c", ColumnType.of("int", false), true),
                new ColumnDef("na\u00efve", ColumnType.of("int", false), true)),
                List.of("1st"), KeyKind.PRIMARY);
        assertThatThrownBy(() -> avro.fromConnectSchema(RowSchema.of(odd, "p").valueSchema()))
                .isInstanceOf(SchemaParseException.class);

        RowSchema rows = RowSchema.of(odd, "p", FieldNameAdjustment.AVRO);
        Schema value = avro.fromConnectSchema(rows.valueSchema()).getTypes().get(1);
        assertThat(value.getFields()).extracting(Schema.Field::name)
                .containsExactly("_1st", "price_", "a_b_c", "na_ve");
        assertThat(avro.fromConnectSchema(rows.keySchema()).getFields()).extracting(Schema.Field::name)
                .containsExactly("_1st");
        Envelope envelope = new Envelope("p.d.t.Envelope", rows.valueSchema());
        Schema full = avro.fromConnectSchema(envelope.schema());
        assertThat(new Schema.Parser().parse(full.toString()).getFullName()).isEqualTo("p.d.t.Envelope");
    }

    @Test
    void aColumnCommentBecomesTheAvroFieldDoc() {
        TableDef commented = new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("id", ColumnType.of("int", false), false),
                new ColumnDef("price", new ColumnType("decimal", false, 0, 5, 2, 0, null, List.of()), true,
                        null, "Unit price in EUR")),
                List.of("id"), KeyKind.PRIMARY);
        Schema value = avro.fromConnectSchema(RowSchema.of(commented, "p").valueSchema()).getTypes().get(1);
        assertThat(value.getField("price").doc()).isEqualTo("Unit price in EUR");
        assertThat(value.getField("id").doc()).isNull();
        assertThat(new Schema.Parser().parse(value.toString()).getField("price").doc())
                .isEqualTo("Unit price in EUR");
    }

    @Test
    void inConnectModeDatesAndTimesAreAvroLogicalTypes() {
        TableDef temporal = new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("id", ColumnType.of("int", false), false),
                new ColumnDef("day", ColumnType.of("date", false), true),
                new ColumnDef("at", new ColumnType("datetime", false, 0, 0, 0, 6, null, List.of()), false),
                new ColumnDef("opens", new ColumnType("time", false, 0, 0, 0, 3, null, List.of()), true),
                new ColumnDef("seen", new ColumnType("timestamp", false, 0, 0, 0, 0, null, List.of()), true)),
                List.of("id"), KeyKind.PRIMARY);
        Schema row = avro.fromConnectSchema(RowSchema.of(temporal, "p", FieldNameAdjustment.NONE,
                TimePrecisionMode.CONNECT).valueSchema()).getTypes().get(1);
        assertThat(row.getField("day").schema().getTypes().get(1).getLogicalType().getName()).isEqualTo("date");
        assertThat(row.getField("at").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
        assertThat(row.getField("opens").schema().getTypes().get(1).getLogicalType().getName())
                .isEqualTo("time-millis");
        assertThat(row.getField("seen").schema().getTypes().get(1).getLogicalType()).as("TIMESTAMP stays a string")
                .isNull();
    }

    @Test
    void aTableCommentBecomesTheAvroRecordDoc() {
        TableDef commented = new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("id", ColumnType.of("int", false), false)),
                List.of("id"), KeyKind.PRIMARY, "Customer orders");
        Schema value = avro.fromConnectSchema(RowSchema.of(commented, "p").valueSchema()).getTypes().get(1);
        assertThat(value.getDoc()).isEqualTo("Customer orders");
        assertThat(new Schema.Parser().parse(value.toString()).getDoc()).isEqualTo("Customer orders");
    }

    @Test
    void columnsThatAdjustToTheSameFieldFailNamingBoth() {
        TableDef clash = new TableDef(new TableId("d", "t"), List.of(
                new ColumnDef("a-b", ColumnType.of("int", false), false),
                new ColumnDef("a$b", ColumnType.of("int", false), true)),
                List.of("a-b"), KeyKind.PRIMARY);
        assertThat(RowSchema.of(clash, "p").valueSchema().fields()).hasSize(2);
        assertThatThrownBy(() -> RowSchema.of(clash, "p", FieldNameAdjustment.AVRO))
                .hasMessageContaining("'a-b' and 'a$b' both become field a_b");
    }
}
