package io.ferry.sink.apply;

import static io.ferry.sink.event.ChangeEvents.change;
import static io.ferry.sink.event.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import io.ferry.sink.ConflictPolicy;
import io.ferry.sink.apply.TableChanges.KeyState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableChangesTest {

    private final TableChanges changes = new TableChanges(new TableId("shop", "items"), true);

    @Test
    void theLastImageOfAKeyWins() {
        changes.add(change("c", null, row(1, "a")), ConflictPolicy.OVERWRITE);
        changes.add(change("u", row(1, "a"), row(1, "b")), ConflictPolicy.OVERWRITE);
        assertThat(states()).singleElement().satisfies(s -> {
            assertThat(s.image().getString("v")).isEqualTo("b");
            assertThat(s.deleteFirst()).isFalse();
        });
    }

    @Test
    void aDeleteFollowedByAnInsertDeletesFirstEvenUnderKeepDestination() {
        changes.add(change("d", row(1, "a"), null), ConflictPolicy.OVERWRITE);
        changes.add(change("r", null, row(1, "b")), ConflictPolicy.KEEP_DESTINATION);
        assertThat(states()).singleElement().satisfies(s -> {
            assertThat(s.deleteFirst()).isTrue();
            assertThat(s.image().getString("v")).isEqualTo("b");
            assertThat(s.policy()).isEqualTo(ConflictPolicy.KEEP_DESTINATION);
        });
    }

    @Test
    void aReadAfterAChangeOfTheSameKeyInOneBatchIsWrittenAsTheChangeWouldBe() {
        changes.add(change("u", row(1, "a"), row(1, "b")), ConflictPolicy.OVERWRITE);
        changes.add(change("r", null, row(1, "b")), ConflictPolicy.KEEP_DESTINATION);
        assertThat(changes.keyStates()).singleElement().satisfies(s -> {
            assertThat(s.image().get("v")).isEqualTo("b");
            assertThat(s.policy()).as("keep-destination would keep the row from before the update")
                    .isEqualTo(ConflictPolicy.OVERWRITE);
        });
    }

    @Test
    void aReadAloneKeepsItsOwnPolicy() {
        changes.add(change("r", null, row(1, "b")), ConflictPolicy.KEEP_DESTINATION);
        changes.add(change("r", null, row(1, "c")), ConflictPolicy.KEEP_DESTINATION);
        assertThat(changes.keyStates()).singleElement()
                .satisfies(s -> assertThat(s.policy()).isEqualTo(ConflictPolicy.KEEP_DESTINATION));
    }

    @Test
    void aKeyChangeDeletesTheOldKeyAndWritesTheNewOne() {
        changes.add(change("u", row(1, "a"), row(2, "a")), ConflictPolicy.OVERWRITE);
        assertThat(states()).hasSize(2);
        assertThat(states().get(0).image()).isNull();
        assertThat(states().get(0).keyRow().getInt32("id")).isEqualTo(1);
        assertThat(states().get(1).image().getInt32("id")).isEqualTo(2);
    }

    @Test
    void anInsertAfterADeleteOrdersTheKeyByItsLastChange() {
        changes.add(change("c", null, row(1, "a")), ConflictPolicy.OVERWRITE);
        changes.add(change("c", null, row(2, "b")), ConflictPolicy.OVERWRITE);
        changes.add(change("u", row(1, "a"), row(1, "c")), ConflictPolicy.OVERWRITE);
        assertThat(states()).extracting(s -> s.image().getInt32("id")).containsExactly(2, 1);
    }

    @Test
    void aTruncateDropsEarlierChanges() {
        changes.add(change("c", null, row(1, "a")), ConflictPolicy.OVERWRITE);
        changes.add(change("t", row(1, "a"), null), ConflictPolicy.OVERWRITE);
        changes.add(change("c", null, row(2, "b")), ConflictPolicy.OVERWRITE);
        assertThat(changes.truncateFirst()).isTrue();
        assertThat(states()).extracting(s -> s.image().getInt32("id")).containsExactly(2);
    }

    @Test
    void tablesWithoutAKeyKeepEveryChangeInOrder() {
        TableChanges unkeyed = new TableChanges(new TableId("shop", "log"), false);
        unkeyed.add(change("c", null, row(1, "a")), ConflictPolicy.OVERWRITE);
        unkeyed.add(change("c", null, row(1, "a")), ConflictPolicy.OVERWRITE);
        unkeyed.add(change("d", row(1, "a"), null), ConflictPolicy.OVERWRITE);
        assertThat(unkeyed.unkeyedChanges()).hasSize(3);
    }

    private List<KeyState> states() {
        return List.copyOf(changes.keyStates());
    }
}
