package io.ferry.sink.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.sink.NullsWithDefaults;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowKeyTest {

    @Test
    void aNullKeyValueStaysNullWhenTheFieldHasADefault() {
        RowKey key = RowKey.of(List.of("id", "n", "s"), NullsWithDefaults.nullRow(1));
        assertThat(key.toString()).isEqualTo(Arrays.asList(1, null, null).toString());
        assertThat(key).isNotEqualTo(RowKey.of(List.of("id", "n", "s"),
                NullsWithDefaults.nullRow(1).put("n", 7).put("s", "the default")));
    }
}
