package io.ferry.deploy.task;

import java.util.Map;
import java.util.Optional;

/**
 * What a task file compiles to: the schema migrator's flat settings and the two connectors' configs (absent when
 * the migration types include neither full nor incremental).
 */
public record CompiledTask(Map<String, String> migratorSettings, Optional<Map<String, String>> sourceConnector,
                           Optional<Map<String, String>> sinkConnector) {
}
