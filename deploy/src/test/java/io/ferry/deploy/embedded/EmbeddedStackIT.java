package io.ferry.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.deploy.connect.ConnectRestClient;
import io.ferry.testkit.mysql.MySqlServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded stack starts, serves Connect's REST API with Ferry's plugins, and restarts on its own data. */
class EmbeddedStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStackIT.class);

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @Test
    void startsServesRestAndRestartsWithTheSamePortsAndConnectors(@TempDir Path dir) {
        Path data = dir.resolve("stack");
        StackPorts first;
        try (EmbeddedStack stack = EmbeddedStack.start(data, 0, 0, PluginPath.find(), "ferry-it")) {
            LOG.warn("Embedded stack first start: {} ms", stack.startupTime().toMillis());
            ConnectRestClient rest = new ConnectRestClient(stack.restUrl());
            assertThat(rest.isUp()).isTrue();
            assertThat(rest.connectors()).isEmpty();
            first = StackPorts.read(data).orElseThrow();
            assertThat(stack.restUrl().toString()).isEqualTo(first.restUrl());
            assertThatThrownBy(() -> EmbeddedStack.start(data, 0, 0, PluginPath.find(), "ferry-it"))
                    .hasMessageContaining("Another ferry process runs the embedded stack");
            // A connector config survives a restart (stored in the broker's config topic).
            rest.putConfig("it-source", Map.of("connector.class", "io.ferry.source.MySqlSourceConnector",
                    "database.hostname", SOURCE.host(), "database.port", String.valueOf(SOURCE.port()),
                    "database.user", SOURCE.user(), "database.password", SOURCE.password(),
                    "topic.prefix", "it", "table.include", "none\\.none", "tasks.max", "1"));
        }
        try (EmbeddedStack stack = EmbeddedStack.start(data, 0, 0, PluginPath.find(), "ferry-it")) {
            LOG.warn("Embedded stack restart: {} ms", stack.startupTime().toMillis());
            assertThat(StackPorts.read(data)).contains(first);
            ConnectRestClient rest = new ConnectRestClient(stack.restUrl());
            assertThat(rest.connectors()).containsExactly("it-source");
            assertThat(rest.delete("it-source")).isTrue();
        }
    }
}
