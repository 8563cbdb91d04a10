package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkRangeTest {

    private static final KeyOrder INTS = KeyOrder.of(List.of(ColumnOrders.natural()));

    @Test
    void startIsInclusiveAndEndExclusive() {
        ChunkRange range = ChunkRange.of(List.of(10), List.of(20L));
        assertThat(range.locate(List.of(9), INTS)).isEqualTo(ChunkPosition.BEFORE);
        assertThat(range.locate(List.of(10L), INTS)).isEqualTo(ChunkPosition.INSIDE);
        assertThat(range.locate(List.of(19), INTS)).isEqualTo(ChunkPosition.INSIDE);
        assertThat(range.locate(List.of(20), INTS)).isEqualTo(ChunkPosition.AFTER);
        assertThat(range.isBefore(List.of(-1), INTS)).isTrue();
        assertThat(range.isAfter(List.of(new BigDecimal("20.0")), INTS)).isTrue();
    }

    @Test
    void nullBoundsAreUnbounded() {
        assertThat(ChunkRange.ALL.contains(List.of(Long.MIN_VALUE), INTS)).isTrue();
        assertThat(ChunkRange.of(null, List.of(0)).contains(List.of(Long.MIN_VALUE), INTS)).isTrue();
        assertThat(ChunkRange.of(List.of(0), null).contains(List.of(Long.MAX_VALUE), INTS)).isTrue();
        assertThat(ChunkRange.of(List.of(0), null).toString()).isEqualTo("[(0), +inf)");
    }

    @Test
    void boundsAreCopiedAndRejectNulls() {
        byte[] bytes = {1, 2};
        ChunkRange range = ChunkRange.of(List.of(bytes), null);
        bytes[0] = 9;
        assertThat((byte[]) range.start().get(0)).containsExactly(1, 2);
        assertThat(range).isEqualTo(ChunkRange.of(List.of(new byte[] {1, 2}), null));
        assertThat(range.hashCode()).isEqualTo(ChunkRange.of(List.of(new byte[] {1, 2}), null).hashCode());
        assertThatThrownBy(() -> ChunkRange.of(Arrays.asList(1, null), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChunkRange.of(List.of(1), List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyKeyTypeRoundTripsThroughAnOffsetExactly() {
        List<Object> start = List.of(1, 2L, (short) 3, (byte) 4, 1.5f, 2.25d, true, "Ä b ",
                new BigDecimal("12.50"), new BigInteger("18446744073709551615"), new byte[] {0, -1, 127},
                LocalDateTime.parse("2024-02-29T23:59:59.999999"), LocalDate.parse("0001-01-01"),
                LocalTime.parse("00:00:00.000001"), Instant.parse("2038-01-19T03:14:07.5Z"),
                Timestamp.from(Instant.parse("1970-01-01T00:00:00.123456789Z")), new Date(-86_400_000L));
        ChunkRange range = ChunkRange.of(start, null);

        Map<String, Object> offset = range.toOffset("chunk.");

        assertThat(offset).containsEntry("chunk.start.arity", 17).doesNotContainKey("chunk.end.arity")
                .containsEntry("chunk.start.1", 2L).containsEntry("chunk.start.7", "Ä b ")
                .containsEntry("chunk.start.8", "12.50").containsEntry("chunk.start.8.type", "decimal")
                .containsEntry("chunk.start.10", "AP9/").containsEntry("chunk.start.10.type", "bytes");
        assertThat(offset.values()).allMatch(v -> v instanceof String || v instanceof Number
                || v instanceof Boolean);
        ChunkRange read = ChunkRange.fromOffset(offset, "chunk.");
        assertThat(read).isEqualTo(range);
        for (int i = 0; i < start.size(); i++) {
            assertThat(read.start().get(i)).hasSameClassAs(start.get(i));
        }
    }

    @Test
    void readingToleratesJsonTurningLongsIntoIntegers() {
        Map<String, Object> offset = new HashMap<>(ChunkRange.of(List.of(5L), List.of(9L)).toOffset(""));
        offset.put("start.0", 5);
        offset.put("start.arity", 1L);
        assertThat(ChunkRange.fromOffset(offset, "")).isEqualTo(ChunkRange.of(List.of(5L), List.of(9L)));
    }

    @Test
    void unboundedRangeIsAnEmptyOffset() {
        assertThat(ChunkRange.ALL.toOffset("p.")).isEmpty();
        assertThat(ChunkRange.fromOffset(Map.of(), "p.")).isEqualTo(ChunkRange.ALL);
    }

    @Test
    void unknownValueTypesFailLoudly() {
        ChunkRange range = ChunkRange.of(List.of(new Object()), null);
        assertThatThrownBy(() -> range.toOffset("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot write a key value");
    }
}
