package io.ferry.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.FerryVersion;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.connect.ConnectorPlugin;
import io.ferry.testkit.connect.Validation;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugins as users install them: the built {@code plugin.path} directories of the distribution, loaded by
 * a two-worker Connect cluster through isolated plugin class loaders and service loading. The plugin classes
 * are deliberately not on this test's class path.
 */
class PluginPackagingIT {

    private static final Path PLUGINS = Path.of("target", "ferry", "plugins");
    private static final String SOURCE_CLASS = "io.ferry.source.MySqlSourceConnector";
    private static final String SINK_CLASS = "io.ferry.sink.MySqlSinkConnector";

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(2).pluginPath(PLUGINS).build();

    @Test
    void pluginClassesAreNotOnTheTestClassPath() {
        assertThatThrownBy(() -> Class.forName(SOURCE_CLASS)).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName(SINK_CLASS)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void workersListBothConnectorsWithTheBuildVersion() {
        assertThat(CONNECT.connectorPlugins()).contains(
                new ConnectorPlugin(SOURCE_CLASS, "source", FerryVersion.get()),
                new ConnectorPlugin(SINK_CLASS, "sink", FerryVersion.get()));
    }

    @ParameterizedTest
    @CsvSource({
        SOURCE_CLASS + ", database.hostname;database.user;topic.prefix",
        SINK_CLASS + ", connection.hostname;connection.user"})
    void validationOfAnEmptyConfigNamesTheMissingKeys(String connectorClass, String missingKeys) {
        // A sink needs topics; a source would (rightly) report "topics" as a key it does not know.
        Map<String, String> config = connectorClass.equals(SINK_CLASS)
                ? Map.of("name", "packaging-validate", "topics", "t") : Map.of("name", "packaging-validate");
        Map<String, List<String>> errors = Validation.errorsByKey(CONNECT.validate(connectorClass, config));
        assertThat(errors.keySet()).containsExactlyInAnyOrder(missingKeys.split(";"));
    }

    @Test
    void workersFindStreamingJsonConverterThroughItsServiceFile() throws Exception {
        // Both plugins ship it (ferry-json, with its service file): the worker lists it without failing on the twin.
        String url = CONNECT.restUrl() + "connector-plugins?connectorsOnly=false";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"class\":\"io.ferry.json.StreamingJsonConverter\","
                + "\"type\":\"converter\"");
    }

    @Test
    void eachPluginCarriesItsOwnDependenciesButNotWhatTheWorkerProvides() throws IOException {
        assertThat(jarNames(PLUGINS.resolve("ferry-source-plugin")))
                .anyMatch(n -> n.startsWith("ferry-source-plugin-"))
                .anyMatch(n -> n.startsWith("ferry-common-"))
                .anyMatch(n -> n.startsWith("mysql-connector-j-"))
                .anyMatch(n -> n.startsWith("mysql-binlog-connector-java-"));
        assertThat(jarNames(PLUGINS.resolve("ferry-sink-plugin")))
                .anyMatch(n -> n.startsWith("ferry-sink-plugin-"))
                .anyMatch(n -> n.startsWith("mysql-connector-j-"))
                .noneMatch(n -> n.startsWith("mysql-binlog-connector-java-"));
        for (String plugin : List.of("ferry-source-plugin", "ferry-sink-plugin")) {
            assertThat(jarNames(PLUGINS.resolve(plugin)))
                    // StreamingJsonConverter, and its superclass, which must see the plugin's own Jackson.
                    .anyMatch(n -> n.startsWith("ferry-json-"))
                    .anyMatch(n -> n.startsWith("connect-json-"))
                    .noneMatch(n -> n.startsWith("kafka-")
                            || n.startsWith("connect-") && !n.startsWith("connect-json-"))
                    .noneMatch(n -> n.startsWith("slf4j-") || n.startsWith("log4j-"));
        }
    }

    @Test
    void bothServersAreUp() {
        assertThat(SOURCE.queryString("SELECT 1")).isEqualTo("1");
        assertThat(DESTINATION.queryString("SELECT 1")).isEqualTo("1");
    }

    private static List<String> jarNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }
}
