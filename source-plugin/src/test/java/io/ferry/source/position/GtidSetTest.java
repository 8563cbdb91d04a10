package io.ferry.source.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtidSetTest {

    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "b9b4712a-df64-11e3-b391-60672090eb04";

    @Test
    void mysqlSetsMergeAdjacentAndOverlappingIntervals() {
        GtidSet set = GtidSet.parse(false, A + ":1-3:5");
        assertThat(set.with(A + ":4")).hasToString(A + ":1-5");
        assertThat(set.with(A + ":7")).hasToString(A + ":1-3:5:7");
        assertThat(set.with(A + ":2")).isSameAs(set);
        assertThat(GtidSet.parse(false, A + ":5-9:1-6")).hasToString(A + ":1-9");
    }

    @Test
    void mysqlSetsPrintUuidsInOrderWithUntaggedIntervalsBeforeTags() {
        GtidSet set = GtidSet.parse(false, "\n" + B.toUpperCase() + ":1-2,\n" + A + ":Zeta:4:alpha:1-2," + A + ":1-10");
        assertThat(set).hasToString(A + ":1-10:alpha:1-2:zeta:4," + B + ":1-2");
        assertThat(set.with(A + ":alpha:3")).hasToString(A + ":1-10:alpha:1-3:zeta:4," + B + ":1-2");
        assertThat(set.with(B + ":3").with("c0000000-0000-0000-0000-000000000000:1"))
                .hasToString(A + ":1-10:alpha:1-2:zeta:4," + B + ":1-3,c0000000-0000-0000-0000-000000000000:1");
    }

    @Test
    void mysqlContainmentIsPerSourceAndTag() {
        GtidSet executed = GtidSet.parse(false, A + ":1-100:tag:1-5," + B + ":1-7");
        assertThat(executed.contains(A + ":42")).isTrue();
        assertThat(executed.contains(A + ":101")).isFalse();
        assertThat(executed.contains(A + ":tag:5")).isTrue();
        assertThat(executed.contains(A + ":other:1")).isFalse();
        assertThat(executed.containsAll(GtidSet.parse(false, A + ":1-50," + B + ":3-7"))).isTrue();
        assertThat(executed.containsAll(GtidSet.parse(false, A + ":1-50:102"))).isFalse();
        assertThat(executed.containsAll(GtidSet.parse(false, A + ":tag:1-6"))).isFalse();
        assertThat(executed.containsAll(GtidSet.parse(false, ""))).isTrue();
        assertThat(GtidSet.parse(false, "").isEmpty()).isTrue();
        assertThat(GtidSet.parse(false, "")).hasToString("");
    }

    @Test
    void mariaDbPositionsKeepTheLastGtidOfEachDomain() {
        GtidSet pos = GtidSet.parse(true, "1-3-7,0-1-42");
        assertThat(pos).hasToString("0-1-42,1-3-7");
        assertThat(pos.with("0-2-43")).hasToString("0-2-43,1-3-7");
        assertThat(pos.with("5-1-1")).hasToString("0-1-42,1-3-7,5-1-1");
        assertThat(GtidSet.parse(true, "0-1-40,0-2-42,0-3-41")).as("a binlog state: the newest per domain")
                .hasToString("0-2-42");
        assertThat(pos).isEqualTo(GtidSet.parse(true, "0-1-42,1-3-7"));
    }

    @Test
    void mariaDbContainmentComparesSequenceNumbersPerDomain() {
        GtidSet pos = GtidSet.parse(true, "0-1-42,1-3-7");
        assertThat(pos.contains("0-2-40")).as("any server, lower seq").isTrue();
        assertThat(pos.contains("0-1-43")).isFalse();
        assertThat(pos.contains("2-1-1")).isFalse();
        assertThat(pos.containsAll(GtidSet.parse(true, "0-1-42,1-3-5"))).isTrue();
        assertThat(pos.containsAll(GtidSet.parse(true, "0-1-42,2-3-1"))).isFalse();
        assertThat(pos.containsAll(GtidSet.parse(true, null))).isTrue();
    }

    @Test
    void badTextAndMixedFlavoursAreRejected() {
        assertThatThrownBy(() -> GtidSet.parse(false, "not-a-uuid:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.parse(false, A + ":5-3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.parse(true, "0-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.parse(true, "0-1-1").containsAll(GtidSet.parse(false, A + ":1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
