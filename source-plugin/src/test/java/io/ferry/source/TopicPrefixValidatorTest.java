package io.ferry.source;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicPrefixValidatorTest {

    private final TopicPrefixValidator validator = new TopicPrefixValidator();

    @ParameterizedTest
    @ValueSource(strings = {"shop", "prod.mysql-eu_1", "a"})
    void acceptsLegalPrefixes(String prefix) {
        assertThatCode(() -> validator.ensureValid("topic.prefix", prefix)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "shop eu", "shop/eu", "bücher"})
    void rejectsIllegalPrefixes(String prefix) {
        assertThatThrownBy(() -> validator.ensureValid("topic.prefix", prefix))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.prefix");
    }

    @Test
    void rejectsAPrefixThatLeavesNoRoomForDatabaseAndTable() {
        String prefix = "p".repeat(TopicPrefixValidator.MAX_LENGTH + 1);
        assertThatThrownBy(() -> validator.ensureValid("topic.prefix", prefix))
                .hasMessageContaining("at most " + TopicPrefixValidator.MAX_LENGTH);
    }
}
