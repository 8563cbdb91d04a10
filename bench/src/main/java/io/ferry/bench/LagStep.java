package io.ferry.bench;

/**
 * One offered rate of the incremental scenario for one pipeline.
 *
 * @param pipeline  "Ferry source → Kafka → Ferry sink", "Debezium → Kafka"
 * @param step      what the writers did
 * @param lag       end-to-end lag of the inserted and updated rows
 * @param failure   why the pipeline did not catch up, or null when it did
 */
record LagStep(String pipeline, ChangeWorkload.Step step, LagStats lag, String failure) {

    /** The bar: p99 lag under a second, at (nearly) the rate offered, caught up afterwards. */
    boolean sustained() {
        return verdict().equals("yes");
    }

    /** "yes", or why not: the pipeline fell behind, p99 was too high, or the writers did not offer the rate. */
    String verdict() {
        if (failure != null) {
            return "no: did not catch up";
        }
        if (lag.samples() == 0 || lag.p99() >= 1_000_000) {
            return "no: p99 >= 1 s";
        }
        if (step.offeredRate() > 0 && step.achievedRate() < 0.95 * step.offeredRate()) {
            return "no: writers reached only " + Math.round(100 * step.achievedRate() / step.offeredRate())
                    + "% of the rate";
        }
        return "yes";
    }
}
