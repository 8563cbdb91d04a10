package io.ferry.common.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds keys in a connector config that neither the connector nor Kafka Connect reads, which are almost always
 * typos ({@code database.hostnme}) that would otherwise be ignored silently. Each connector says which keys and
 * key prefixes Connect itself reads for its kind of connector.
 *
 * @param connector     how messages name the connector ("the MySQL sink connector")
 * @param frameworkKeys keys Kafka Connect reads from this kind of connector's config
 * @param frameworkPrefixes key prefixes Kafka Connect (or the connector, for per-table keys) reads
 */
public record UnknownKeys(String connector, Set<String> frameworkKeys, List<String> frameworkPrefixes) {

    /** Each unknown key with a message, suggesting the nearest known key where one is close. */
    public Map<String, String> find(Map<String, String> props, Collection<String> known) {
        Map<String, String> unknown = new LinkedHashMap<>();
        for (String key : props.keySet()) {
            if (known.contains(key) || frameworkKeys.contains(key)
                    || frameworkPrefixes.stream().anyMatch(key::startsWith)) {
                continue;
            }
            String nearest = nearest(key, known);
            unknown.put(key, "Unknown configuration key '" + key + "': neither " + connector + " nor Kafka Connect"
                    + " reads it" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
        }
        return unknown;
    }

    private static String nearest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = EditDistance.between(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }
}
