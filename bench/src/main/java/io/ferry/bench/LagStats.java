package io.ferry.bench;

import java.util.Arrays;

/**
 * Percentiles of end-to-end lag samples, in microseconds (nearest rank).
 *
 * @param samples how many changes were measured
 */
record LagStats(int samples, long p50, long p95, long p99, long max) {

    static LagStats of(long[] micros) {
        if (micros.length == 0) {
            return new LagStats(0, -1, -1, -1, -1);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new LagStats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
