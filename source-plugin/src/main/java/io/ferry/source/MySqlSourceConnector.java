package io.ferry.source;

import io.ferry.common.FerryVersion;
import io.ferry.source.plan.SnapshotPlanner;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.TaskAssignments;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.position.SourcePartitions;
import io.ferry.source.position.StreamOffset;
import io.ferry.source.schema.KeyCodecs;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures a MySQL or MariaDB database into Kafka: a lock-free parallel snapshot, then the binlog. The
 * connector plans the snapshot (tables cut into stripes, dealt to the tasks); the tasks read the stripes in
 * parallel, and task 0 then streams the binlog. Progress lives in Connect offsets, so a restarted connector
 * continues where it was and never snapshots a table twice.
 */
public final class MySqlSourceConnector extends SourceConnector {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlSourceConnector.class);

    private Map<String, String> props;
    private MySqlSourceConfig config;
    private List<Stripe> plan;
    private int plannedFor;
    private int epoch;

    @Override
    public String version() {
        return FerryVersion.get();
    }

    @Override
    public ConfigDef config() {
        return MySqlSourceConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> props) {
        return SourceValidation.validate(props, super.validate(props));
    }

    @Override
    public void start(Map<String, String> props) {
        this.config = new MySqlSourceConfig(props);
        this.props = Map.copyOf(props);
        this.plan = null;
        LOG.info("Starting MySQL source connector for {}:{} with topic prefix '{}', snapshot.mode={}",
                config.hostname(), config.port(), config.topicPrefix(), config.snapshotMode().configValue());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MySqlSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Stripe> stripes = plan(maxTasks);
        List<List<Stripe>> dealt = TaskAssignments.deal(stripes, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(TaskKeys.TASK_INDEX, String.valueOf(i));
            task.put(TaskKeys.TASK_COUNT, String.valueOf(maxTasks));
            task.put(TaskKeys.SNAPSHOT_EPOCH, String.valueOf(epoch));
            TaskAssignments.writeAssigned(task, dealt.get(i));
            if (i == 0) {
                TaskAssignments.writeAll(task, stripes);
            }
            configs.add(task);
        }
        return configs;
    }

    /**
     * The snapshot's stripes, planned once per start and task count. With a stored stream offset the snapshot is
     * over: only the stripes that stored progress are kept, so the stream still knows what they delivered.
     */
    private List<Stripe> plan(int maxTasks) {
        if (plan != null && plannedFor == maxTasks) {
            return plan;
        }
        Map<String, Object> stream = context().offsetStorageReader()
                .offset(SourcePartitions.stream(config.topicPrefix()));
        boolean streaming = stream != null;
        epoch = streaming ? StreamOffset.epochOf(stream) : 0;
        try (Connection connection = config.connect()) {
            if (streaming && config.snapshotMode() == SnapshotMode.WHEN_NEEDED
                    && !new ServerPositions(connection).available(StreamOffset.fromMap(stream))) {
                epoch++;
                streaming = false;
                StreamOffset gone = StreamOffset.fromMap(stream);
                LOG.warn("The stored binlog position {} (GTIDs {}) of '{}' is no longer on the server: taking"
                        + " snapshot {} again (snapshot.mode=when_needed)", gone.restart(), gone.gtids(),
                        config.topicPrefix(), epoch);
            }
            SnapshotPlanner planner = new SnapshotPlanner(config.topicPrefix(), config::captures,
                    context().offsetStorageReader(),
                    table -> KeyCodecs.forTable(table, config.timePrecisionMode()), epoch);
            plan = streaming || !config.snapshotMode().snapshots() ? planner.stored(connection)
                    : planner.plan(connection, maxTasks, config.chunkSize());
        } catch (SQLException e) {
            throw new ConnectException("Cannot plan the snapshot of " + config.hostname() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        plannedFor = maxTasks;
        long tables = plan.stream().map(Stripe::table).distinct().count();
        LOG.info("Snapshot plan of '{}': {} tables in {} stripes over {} tasks{}", config.topicPrefix(), tables,
                plan.size(), maxTasks, streaming ? " (snapshot already complete; streaming resumes)" : "");
        return plan;
    }

    @Override
    public void stop() {
        LOG.info("Stopped MySQL source connector '{}'", config == null ? "?" : config.topicPrefix());
    }
}
