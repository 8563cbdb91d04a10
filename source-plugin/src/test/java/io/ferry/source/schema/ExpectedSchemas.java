package io.ferry.source.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema.Type;

/** The field schema Debezium's MySQL connector gives each column of {@link AllTypesTable}, by hand. */
final class ExpectedSchemas {

    private record Expected(Type type, String name, Map<String, String> parameters, boolean optional) {
    }

    private static final Map<String, Expected> FIELDS = new HashMap<>();

    static {
        plain("id", Type.INT32, false);
        plain("c_tinyint", Type.INT16, true);
        plain("c_tinyint_u", Type.INT16, true);
        plain("c_bool", Type.INT16, true);
        plain("c_smallint", Type.INT16, true);
        plain("c_smallint_u", Type.INT32, true);
        plain("c_mediumint", Type.INT32, true);
        plain("c_mediumint_u", Type.INT32, true);
        plain("c_int", Type.INT32, true);
        plain("c_int_u", Type.INT64, true);
        plain("c_bigint", Type.INT64, true);
        named("c_bigint_u", Type.BYTES, "org.apache.kafka.connect.data.Decimal",
                Map.of("scale", "0", "connect.decimal.precision", "20"));
        named("c_decimal", Type.BYTES, "org.apache.kafka.connect.data.Decimal",
                Map.of("scale", "30", "connect.decimal.precision", "65"));
        named("c_decimal_u", Type.BYTES, "org.apache.kafka.connect.data.Decimal",
                Map.of("scale", "2", "connect.decimal.precision", "5"));
        plain("c_float", Type.FLOAT32, true);
        plain("c_double", Type.FLOAT64, true);
        plain("c_bit1", Type.BOOLEAN, true);
        named("c_bit10", Type.BYTES, "io.debezium.data.Bits", Map.of("length", "10"));
        named("c_bit64", Type.BYTES, "io.debezium.data.Bits", Map.of("length", "64"));
        for (String text : new String[] {"c_char", "c_varchar", "c_text", "c_latin1", "c_varchar_bin", "c_uca",
            "c_uca3"}) {
            plain(text, Type.STRING, true);
        }
        for (String bytes : new String[] {"c_binary", "c_varbinary", "c_blob"}) {
            plain(bytes, Type.BYTES, true);
        }
        named("c_date", Type.INT32, "io.debezium.time.Date", null);
        named("c_datetime0", Type.INT64, "io.debezium.time.Timestamp", null);
        named("c_datetime3", Type.INT64, "io.debezium.time.Timestamp", null);
        named("c_datetime6", Type.INT64, "io.debezium.time.MicroTimestamp", null);
        named("c_timestamp0", Type.STRING, "io.debezium.time.ZonedTimestamp", null);
        named("c_timestamp6", Type.STRING, "io.debezium.time.ZonedTimestamp", null);
        for (String time : new String[] {"c_time", "c_time2", "c_time3", "c_time6"}) {
            named(time, Type.INT64, "io.debezium.time.MicroTime", null);
        }
        named("c_year", Type.INT32, "io.debezium.time.Year", null);
        named("c_json", Type.STRING, "io.debezium.data.Json", null);
        named("c_enum", Type.STRING, "io.debezium.data.Enum", Map.of("allowed", "a,b,c d"));
        named("c_set", Type.STRING, "io.debezium.data.EnumSet", Map.of("allowed", "x,y,z"));
        named("c_geometry", Type.STRUCT, "io.debezium.data.geometry.Geometry", null);
        FIELDS.put("c_date_nn", new Expected(Type.INT32, "io.debezium.time.Date", null, false));
        FIELDS.put("c_datetime_nn", new Expected(Type.INT64, "io.debezium.time.Timestamp", null, false));
        FIELDS.put("c_ts_nn", new Expected(Type.STRING, "io.debezium.time.ZonedTimestamp", null, false));
    }

    private ExpectedSchemas() {
    }

    private static void plain(String field, Type type, boolean optional) {
        FIELDS.put(field, new Expected(type, null, null, optional));
    }

    private static void named(String field, Type type, String name, Map<String, String> parameters) {
        FIELDS.put(field, new Expected(type, name, parameters, true));
    }

    static void assertField(Field field) {
        Expected expected = FIELDS.get(field.name());
        assertThat(expected).as("expected schema of " + field.name()).isNotNull();
        assertThat(field.schema().type()).as(field.name() + " type").isEqualTo(expected.type());
        assertThat(field.schema().name()).as(field.name() + " name").isEqualTo(expected.name());
        assertThat(field.schema().parameters()).as(field.name() + " parameters").isEqualTo(expected.parameters());
        assertThat(field.schema().isOptional()).as(field.name() + " optional").isEqualTo(expected.optional());
        if (expected.name() != null) {
            assertThat(field.schema().version()).as(field.name() + " version").isEqualTo(1);
        }
    }
}
