package io.ferry.source;

import io.ferry.common.FerryVersion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures a MySQL or MariaDB database into Kafka: a lock-free parallel snapshot, then the binlog.
 *
 * <p>Status: the configuration is real; capturing is not implemented yet, and the task says so when it
 * starts (see the README's status table).
 */
public final class MySqlSourceConnector extends SourceConnector {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlSourceConnector.class);

    private Map<String, String> props;

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
        MySqlSourceConfig config = new MySqlSourceConfig(props);
        this.props = Map.copyOf(props);
        LOG.info("Starting MySQL source connector for {}:{} with topic prefix '{}'", config.hostname(),
                config.port(), config.topicPrefix());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MySqlSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        LOG.info("Stopped MySQL source connector");
    }
}
