package io.ferry.sink;

import io.ferry.common.FerryVersion;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * The task that will apply batches to the destination. Until the apply path exists it fails on start
 * with a message saying so, rather than consuming records and dropping them.
 */
public final class MySqlSinkTask extends SinkTask {

    @Override
    public String version() {
        return FerryVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new MySqlSinkConfig(props);
        throw new ConnectException("Ferry's MySQL sink does not apply records yet: the apply path is not"
                + " implemented in version " + version());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        throw new ConnectException("Ferry's MySQL sink does not apply records yet");
    }

    @Override
    public void stop() {
    }
}
