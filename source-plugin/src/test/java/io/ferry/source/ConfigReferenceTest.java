package io.ferry.source;

import io.ferry.testkit.config.ConfigDocs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void committedReferenceMatchesTheConfigDef() {
        ConfigDocs.assertReferenceUpToDate("MySQL source connector configuration", MySqlSourceConfig.CONFIG_DEF,
                List.of(MySqlSourceConfig.ROW_FILTER_DOC), Path.of("..", "docs", "source-config.md"));
    }
}
