package io.ferry.deploy.progress;

import io.ferry.deploy.connect.ConnectorStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task's state at one moment, as {@code ferry status} reports it (the JSON form is {@link StatusJson}).
 *
 * @param phase      {@code not-started}, {@code schema}, {@code full}, {@code incremental}, {@code done},
 *                   {@code paused} or {@code failed}
 * @param lagSeconds how long the oldest record the sink has not applied has been in Kafka (0 when none); empty
 *                   when it could not be read
 * @param pending    records in the task's topics the sink has not applied
 * @param undelayed  both connectors running, no error, and no record waiting a second or more to be applied
 *                   (lag under one second; records younger than that may be in flight)
 * @param connectors the source's and the sink's status (absent when not created)
 * @param errors     failures of connectors or tasks, and what could not be read
 * @param sourceBehindBytes bytes of the source's binlog the source connector has not committed yet (see
 *                   {@link SourceBacklog}); empty before streaming or when it could not be read
 */
public record TaskStatus(String task, Instant at, String phase, List<TableProgress> tables,
                         Optional<Double> lagSeconds, long pending, boolean undelayed,
                         List<Optional<ConnectorStatus>> connectors, List<String> errors,
                         Optional<Long> sourceBehindBytes) {

    public long rowsDone() {
        return tables.stream().mapToLong(TableProgress::rowsDone).sum();
    }

    public boolean failed() {
        return "failed".equals(phase);
    }
}
