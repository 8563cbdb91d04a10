package io.ferry.source.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class SourcePartitionsTest {

    /**
     * Connect stores and finds an offset by the JSON bytes of {@code [connector, partition]}; a partition read back
     * from the offsets topic (as the REST API and other workers do) must serialize to the same bytes.
     */
    @Test
    void stripePartitionsSerializeTheSameAfterARoundTripThroughConnectsConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);
        for (int epoch : new int[] {0, 3}) {
            Map<String, Object> partition = SourcePartitions.stripe("prefix", new TableId("db", "orders"), 7, epoch);
            byte[] written = converter.fromConnectData("offsets", null, List.of("connector", partition));
            Object read = converter.toConnectData("offsets", written).value();
            assertThat(new String(converter.fromConnectData("offsets", null, read)))
                    .isEqualTo(new String(written));
        }
    }
}
