package io.ferry.sink;

import io.ferry.common.FerryVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Ferry's (or Debezium's) change topics to a destination MySQL or MariaDB server.
 *
 * Each task applies the partitions Connect assigns it; tasks share nothing but the destination's offsets
 * table, in which each task's rows are keyed by connector, topic and partition.
 */
public final class MySqlSinkConnector extends SinkConnector {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlSinkConnector.class);

    private Map<String, String> props;

    @Override
    public String version() {
        return FerryVersion.get();
    }

    @Override
    public ConfigDef config() {
        return MySqlSinkConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SinkValidation.validate(connectorConfigs, super.validate(connectorConfigs));
    }

    @Override
    public void start(Map<String, String> props) {
        MySqlSinkConfig config = new MySqlSinkConfig(props);
        this.props = Map.copyOf(props);
        LOG.info("Starting MySQL sink connector for {}:{}", config.hostname(), config.port());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MySqlSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(MySqlSinkTask.TASK_INDEX_KEY, String.valueOf(task)); // names the task's JMX metrics
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        LOG.info("Stopped MySQL sink connector");
    }
}
