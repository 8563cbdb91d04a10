package io.ferry.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    private final UnknownKeys keys = new UnknownKeys("the test connector", Set.of("tasks.max"), List.of("errors."));

    @Test
    void reportsTyposWithTheNearestKnownKeyAndLeavesFrameworkKeysAlone() {
        Map<String, String> unknown = keys.find(Map.of("database.hostnme", "x", "tasks.max", "1",
                "errors.tolerance", "all", "database.hostname", "h", "something.else", "y"),
                Set.of("database.hostname"));
        assertThat(unknown).containsOnlyKeys("database.hostnme", "something.else");
        assertThat(unknown.get("database.hostnme")).contains("the test connector")
                .contains("did you mean 'database.hostname'");
        assertThat(unknown.get("something.else")).doesNotContain("did you mean");
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    }
}
