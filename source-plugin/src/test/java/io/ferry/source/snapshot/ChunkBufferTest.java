package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChunkBufferTest {

    private static final KeyOrder INTS = KeyOrder.of(List.of(ColumnOrders.natural()));

    private ChunkBuffer<String> buffer;

    @BeforeEach
    void fillChunkTenToTwenty() {
        buffer = new ChunkBuffer<>(ChunkRange.of(List.of(10), List.of(20)), INTS);
        buffer.put(List.of(12), "r12");
        buffer.put(List.of(10), "r10");
        buffer.put(List.of(15), "r15");
    }

    @Test
    void rowsIterateInKeyOrder() {
        assertThat(buffer.values()).containsExactly("r10", "r12", "r15");
        assertThat(buffer.rows().keySet()).containsExactly(List.of(10), List.of(12), List.of(15));
    }

    @Test
    void insertAndUpdatePutTheAfterImage() {
        assertThat(buffer.apply(RowChange.insert(List.of(11), "r11"))).isTrue();
        assertThat(buffer.apply(RowChange.update(List.of(12), List.of(12L), "r12'"))).isTrue();
        assertThat(buffer.values()).containsExactly("r10", "r11", "r12'", "r15");
    }

    @Test
    void updateOfAKeyTheSelectMissedStillPutsTheAfterImage() {
        // The row was inserted after the SELECT; its insert event came before LW's position was read.
        buffer.apply(RowChange.update(List.of(13), List.of(13), "r13"));
        assertThat(buffer.get(List.of(13L))).isEqualTo("r13");
    }

    @Test
    void deleteRemovesTheKey() {
        assertThat(buffer.apply(RowChange.delete(List.of(12L)))).isTrue();
        assertThat(buffer.apply(RowChange.delete(List.of(13)))).isFalse();
        assertThat(buffer.values()).containsExactly("r10", "r15");
    }

    @Test
    void keyChangingUpdateRemovesTheOldKeyAndPutsTheNewOne() {
        buffer.apply(RowChange.update(List.of(10), List.of(19), "r19"));
        assertThat(buffer.rows().keySet()).containsExactly(List.of(12), List.of(15), List.of(19));
    }

    @Test
    void keyChangingUpdateLeavingTheChunkOnlyRemoves() {
        assertThat(buffer.apply(RowChange.update(List.of(15), List.of(20), "r20"))).isTrue();
        assertThat(buffer.values()).containsExactly("r10", "r12");
    }

    @Test
    void keyChangingUpdateEnteringTheChunkOnlyPuts() {
        buffer.apply(RowChange.update(List.of(5), List.of(14), "r14"));
        assertThat(buffer.values()).containsExactly("r10", "r12", "r14", "r15");
    }

    @Test
    void changesOutsideTheChunkAreIgnored() {
        assertThat(buffer.apply(RowChange.insert(List.of(20), "r20"))).isFalse();
        assertThat(buffer.apply(RowChange.insert(List.of(9), "r9"))).isFalse();
        assertThat(buffer.apply(RowChange.delete(List.of(25)))).isFalse();
        assertThat(buffer.size()).isEqualTo(3);
    }

    @Test
    void rowsReadOutsideTheChunkAreRejected() {
        assertThatThrownBy(() -> buffer.put(List.of(20), "r20")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysTheServerSeesAsEqualAreOneRowAndTheLatestSpellingWins() {
        StringCollation ci = new StringCollation("utf8mb4", "utf8mb4_general_ci", 10, true);
        CollationWeigher upper = (c, v) -> v.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        ChunkBuffer<String> strings = new ChunkBuffer<>(ChunkRange.ALL,
                KeyOrder.of(List.of(ColumnOrders.collated(ci, upper))));
        strings.put(List.of("a"), "a");
        strings.apply(RowChange.update(List.of("a"), List.of("A"), "A"));
        assertThat(strings.rows()).containsOnlyKeys(List.of("A"));
        assertThat(strings.rows().keySet().iterator().next()).containsExactly("A");
        strings.apply(RowChange.delete(List.of("a")));
        assertThat(strings.isEmpty()).isTrue();
    }
}
