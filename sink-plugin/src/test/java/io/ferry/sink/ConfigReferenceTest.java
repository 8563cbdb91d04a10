package io.ferry.sink;

import io.ferry.testkit.config.ConfigDocs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void committedReferenceMatchesTheConfigDef() {
        ConfigDocs.assertReferenceUpToDate("MySQL sink connector configuration", MySqlSinkConfig.CONFIG_DEF,
                List.of(NullKeepingConverters.DOC), Path.of("..", "docs", "sink-config.md"));
    }
}
