package io.ferry.source.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinlogPositionTest {

    @Test
    void ordersByFileSequenceThenPosition() {
        assertThat(new BinlogPosition("binlog.000009", 900)).isLessThan(new BinlogPosition("binlog.000010", 4));
        assertThat(new BinlogPosition("binlog.999999", 900)).isLessThan(new BinlogPosition("binlog.1000000", 4));
        assertThat(new BinlogPosition("binlog.000010", 4)).isLessThan(new BinlogPosition("binlog.000010", 5));
        assertThat(new BinlogPosition("binlog.000010", 5).isAfter(new BinlogPosition("binlog.000010", 5)))
                .isFalse();
    }

    @Test
    void streamOffsetRoundTripsThroughAConnectOffsetMap() {
        StreamOffset offset = new StreamOffset(new BinlogPosition("binlog.000003", 1234), "0-1-77", 2, 5);
        assertThat(StreamOffset.fromMap(offset.toMap())).isEqualTo(offset);
        // Offsets read back from Kafka come as JSON numbers, which may be Integer where Long was written.
        assertThat(StreamOffset.fromMap(Map.of("file", "binlog.000003", "pos", 1234, "row_events", 2, "rows", 5)))
                .isEqualTo(new StreamOffset(new BinlogPosition("binlog.000003", 1234), null, 2, 5));
    }

    @Test
    void countsRowsAndRowEventsWithinATransaction() {
        StreamOffset start = StreamOffset.at(new BinlogPosition("binlog.000001", 4), null);
        assertThat(start.plusRow().plusRow().plusRowEvent().plusRow())
                .isEqualTo(new StreamOffset(start.restart(), null, 1, 1));
    }

    @Test
    void comparesServerVersions() {
        assertThat(ServerPositions.atLeast("8.4.3", 8, 4)).isTrue();
        assertThat(ServerPositions.atLeast("9.1.0", 8, 4)).isTrue();
        assertThat(ServerPositions.atLeast("8.0.40", 8, 4)).isFalse();
        assertThat(ServerPositions.atLeast("11.4.5-MariaDB-log", 8, 4)).isTrue();
    }
}
