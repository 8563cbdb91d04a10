package io.ferry.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Finds keys in a connector config that neither this connector nor Kafka Connect knows, which are almost
 * always typos ({@code database.hostnme}) that would otherwise be ignored silently.
 */
final class UnknownKeys {

    /** Keys and key prefixes that Kafka Connect itself reads from a source connector's config. */
    private static final Set<String> CONNECT_KEYS = Set.of("name", "connector.class", "tasks.max", "tasks.max.enforce",
            "config.action.reload", "exactly.once.support", "offsets.storage.topic", "plugin.version");
    private static final List<String> CONNECT_PREFIXES = List.of("key.converter", "value.converter",
            "header.converter", "transforms", "predicates", "errors.", "topic.creation.", "transaction.boundary",
            "producer.override.", "consumer.override.", "admin.override.", MySqlSourceConfig.ROW_FILTER_PREFIX);

    private UnknownKeys() {
    }

    /** Each unknown key with a message, suggesting the nearest known key where one is close. */
    static Map<String, String> find(Map<String, String> props, ConfigDef def) {
        Map<String, String> unknown = new LinkedHashMap<>();
        for (String key : props.keySet()) {
            if (def.configKeys().containsKey(key) || CONNECT_KEYS.contains(key)
                    || CONNECT_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            String nearest = nearest(key, new ArrayList<>(def.names()));
            unknown.put(key, "Unknown configuration key '" + key + "': neither the MySQL source connector nor Kafka"
                    + " Connect reads it" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
        }
        return unknown;
    }

    private static String nearest(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = distance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
