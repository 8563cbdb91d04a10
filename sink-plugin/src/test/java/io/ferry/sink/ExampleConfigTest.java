package io.ferry.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The example in {@code config/} must stay a valid config as keys change. */
class ExampleConfigTest {

    @Test
    void theSinkExampleHasNoInvalidKey() throws Exception {
        Map<String, String> example = new ObjectMapper().readValue(new File("../config/sink-connector.json"),
                new TypeReference<>() {});
        assertThat(MySqlSinkConfig.CONFIG_DEF.validate(example)).allSatisfy((ConfigValue value) ->
                assertThat(value.errorMessages()).as(value.name()).isEmpty());
        assertThat(new MySqlSinkConfig(example).mappingRules()).hasSize(2);
        assertThat(NullKeepingConverters.known(example)).as("the example's converters keep nulls").isTrue();
    }
}
