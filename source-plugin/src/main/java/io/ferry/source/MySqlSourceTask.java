package io.ferry.source;

import io.ferry.common.FerryVersion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * The task that will run snapshot chunks and the binlog reader. Until those exist it fails on start with
 * a message saying so, rather than running and silently producing nothing.
 */
public final class MySqlSourceTask extends SourceTask {

    @Override
    public String version() {
        return FerryVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new MySqlSourceConfig(props);
        throw new ConnectException("Ferry's MySQL source does not capture data yet: the snapshot and binlog"
                + " streaming are not implemented in version " + version());
    }

    @Override
    public List<SourceRecord> poll() {
        return null;
    }

    @Override
    public void stop() {
    }
}
