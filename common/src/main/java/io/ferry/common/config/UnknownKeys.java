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
