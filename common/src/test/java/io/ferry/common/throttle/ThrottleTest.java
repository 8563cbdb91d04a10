package io.ferry.common.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    /** A clock that only moves when the throttle "sleeps", so the test observes the waits without waiting. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(long millis) {
            now = now.plus(Duration.ofMillis(millis));
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<Long> waits = new ArrayList<>();

    private Throttle throttle(long perSecond) {
        return new Throttle(perSecond, clock, millis -> {
            waits.add(millis);
            clock.advance(millis);
        });
    }

    @Test
    void allowsOneSecondsBudgetAtOnceThenWaitsForWhatExceedsIt() throws Exception {
        Throttle throttle = throttle(1000);
        throttle.acquire(1000);
        assertThat(waits).isEmpty();
        throttle.acquire(500);
        assertThat(waits).containsExactly(500L);
    }

    @Test
    void holdsTheAverageRateOverManyBatches() throws Exception {
        Throttle throttle = throttle(200);
        for (int i = 0; i < 50; i++) {
            throttle.acquire(100);
        }
        // 5000 units at 200/s with a one-second (200) starting budget: 24 s of waiting.
        assertThat(waits.stream().mapToLong(Long::longValue).sum()).isEqualTo(24_000L);
    }

    @Test
    void zeroMeansUnlimited() throws Exception {
        Throttle throttle = throttle(0);
        throttle.acquire(1_000_000);
        assertThat(throttle.unlimited()).isTrue();
        assertThat(waits).isEmpty();
    }
}
