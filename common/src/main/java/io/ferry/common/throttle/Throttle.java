package io.ferry.common.throttle;

import java.time.Clock;

/**
 * Limits a rate (rows, bytes or queries per second) with a token bucket that holds at most one second's
 * budget: a caller takes what it used, and waits when it used more than has accrued. Unlimited when the rate
 * is 0. Not thread-safe: one task thread uses it.
 */
public final class Throttle {

    /** Waits; a seam so tests can observe waiting without spending time. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final long perSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private long lastMs;

    public Throttle(long perSecond, Clock clock, Sleeper sleeper) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("A rate cannot be negative: " + perSecond);
        }
        this.perSecond = perSecond;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = perSecond;
        this.lastMs = clock.millis();
    }

    public static Throttle of(long perSecond, Clock clock) {
        return new Throttle(perSecond, clock, Thread::sleep);
    }

    public boolean unlimited() {
        return perSecond == 0;
    }

    /** Records that {@code amount} was used, waiting as long as the rate requires. */
    public void acquire(long amount) throws InterruptedException {
        if (perSecond == 0 || amount <= 0) {
            return;
        }
        refill();
        tokens -= amount;
        if (tokens < 0) {
            long waitMs = (long) Math.ceil(-tokens * 1000.0 / perSecond);
            sleeper.sleep(waitMs);
            refill();
        }
    }

    private void refill() {
        long now = clock.millis();
        tokens = Math.min(perSecond, tokens + (now - lastMs) * perSecond / 1000.0);
        lastMs = now;
    }
}
