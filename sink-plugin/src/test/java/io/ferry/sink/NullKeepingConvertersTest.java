package io.ferry.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import io.ferry.sink.event.Operation;
import io.ferry.sink.event.RowChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NullKeepingConvertersTest {

    private static final String JSON = NullKeepingConverters.JSON_CONVERTER;

    @Test
    void aJsonConverterNamedWithoutTheOverrideIsAProblemOnItsOverrideKey() {
        Map<String, String> props = new HashMap<>(Map.of("key.converter", JSON, "value.converter", JSON,
                "key.converter.replace.null.with.default", " FALSE "));
        assertThat(NullKeepingConverters.problems(props)).containsOnlyKeys("value.converter.replace.null.with.default");
        assertThat(NullKeepingConverters.problems(props).get("value.converter.replace.null.with.default"))
                .startsWith("value.converter.replace.null.with.default must be false");
        assertThat(NullKeepingConverters.known(props)).isFalse();

        props.put("value.converter.replace.null.with.default", "false");
        assertThat(NullKeepingConverters.problems(props)).isEmpty();
        assertThat(NullKeepingConverters.known(props)).isTrue();
    }

    @Test
    void theStreamingJsonConverterIsCheckedAsTheJsonConverterIs() {
        String streaming = "io.ferry.json.StreamingJsonConverter";
        Map<String, String> props = new HashMap<>(Map.of("key.converter", JSON, "value.converter", " " + streaming,
                "key.converter.replace.null.with.default", "false"));
        assertThat(NullKeepingConverters.problems(props)).containsOnlyKeys("value.converter.replace.null.with.default");
        assertThat(NullKeepingConverters.problems(props).get("value.converter.replace.null.with.default"))
                .contains("with value.converter=" + streaming + " it defaults to true");
        assertThat(NullKeepingConverters.known(props)).isFalse();

        props.put("value.converter.replace.null.with.default", "false");
        assertThat(NullKeepingConverters.problems(props)).isEmpty();
        assertThat(NullKeepingConverters.known(props)).isTrue();
    }

    @Test
    void convertersNotNamedHereAreTheWorkersAndUnknown() {
        Map<String, String> props = Map.of("value.converter.replace.null.with.default", "false");
        assertThat(NullKeepingConverters.problems(props)).isEmpty();
        assertThat(NullKeepingConverters.known(props)).isFalse();
        assertThat(NullKeepingConverters.problems(Map.of("value.converter", "io.apicurio.AvroConverter"))).isEmpty();
    }

    @Test
    void nullableFieldsWithDefaultsAreNamed() {
        assertThat(NullKeepingConverters.nullableFieldsWithDefaults(NullsWithDefaults.ROW)).isEqualTo("n, s");
    }

    @Test
    void aTaskWarnsOncePerRowSchemaWhenTheConvertersAreNotKnownToKeepNulls() {
        RowChange change = new RowChange(null, Operation.CREATE, new TableId("shop", "defaults"), List.of("id"), null,
                NullsWithDefaults.nullRow(1));
        NullKeepingConverters unknown = NullKeepingConverters.of(Map.of());
        assertThat(unknown.check(change)).startsWith("Nullable fields n, s of shop.defaults carry defaults");
        assertThat(unknown.check(change)).isNull();

        Map<String, String> keeping = new HashMap<>();
        for (String converter : List.of("key.converter", "value.converter")) {
            keeping.put(converter, JSON);
            keeping.put(converter + ".replace.null.with.default", "false");
        }
        assertThat(NullKeepingConverters.of(keeping).check(change)).isNull();
    }

    @Test
    void validationAttachesTheProblemToTheOverrideKey() {
        Map<String, String> props = new HashMap<>(Map.of("connection.hostname", "localhost", "connection.user", "u",
                "value.converter", JSON));
        assertThat(new MySqlSinkConnector().validate(props).configValues())
                .filteredOn(v -> v.name().equals("value.converter.replace.null.with.default"))
                .singleElement().satisfies(v -> assertThat(v.errorMessages()).hasSize(1));
    }
}
