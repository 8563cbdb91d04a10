package io.ferry.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RowBytesTest {

    private static final Schema ENVELOPE = SchemaBuilder.struct().name("t.shop.defaults.Envelope")
            .field("before", NullsWithDefaults.ROW).field("after", NullsWithDefaults.ROW)
            .field("op", Schema.STRING_SCHEMA).build();

    @Test
    void nullValuesCountNothingEvenWhenTheirFieldsHaveDefaults() {
        Struct value = new Struct(ENVELOPE).put("after", NullsWithDefaults.nullRow(1)).put("op", "c");
        SinkRecord record = new SinkRecord("t.shop.defaults", 0, null, null, ENVELOPE, value, 0);
        assertThat(RowBytes.estimate(record)).isEqualTo(8); // the id alone, not the 11 characters of s's default
    }
}
