package io.ferry.sink;

import io.ferry.testkit.config.ConfigDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void committedReferenceMatchesTheConfigDef() {
        ConfigDocs.assertReferenceUpToDate("MySQL sink connector configuration", MySqlSinkConfig.CONFIG_DEF,
                Path.of("..", "docs", "sink-config.md"));
    }
}
