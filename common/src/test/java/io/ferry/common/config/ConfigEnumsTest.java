package io.ferry.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConfigEnumsTest {

    @Test
    void valuesAreLowerCaseNamesReadBackCaseInsensitively() {
        assertThat(ConfigEnums.value(TimeUnit.MILLISECONDS)).isEqualTo("milliseconds");
        assertThat(ConfigEnums.parse(TimeUnit.class, " Milliseconds ")).isEqualTo(TimeUnit.MILLISECONDS);
        assertThat(ConfigEnums.values(TimeUnit.class)).contains("nanoseconds", "days").hasSize(7);
        assertThatThrownBy(() -> ConfigEnums.parse(TimeUnit.class, "weeks"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
