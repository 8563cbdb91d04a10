package io.ferry.source;

import io.ferry.testkit.config.ConfigDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void committedReferenceMatchesTheConfigDef() {
        ConfigDocs.assertReferenceUpToDate("MySQL source connector configuration", MySqlSourceConfig.CONFIG_DEF,
                Path.of("..", "docs", "source-config.md"));
    }
}
