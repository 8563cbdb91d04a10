package io.ferry.source;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts a topic prefix only if every topic derived from it can be a legal Kafka topic name: the prefix
 * itself uses only the characters Kafka allows, and leaves room for {@code .<db>.<table>}.
 */
final class TopicPrefixValidator implements ConfigDef.Validator {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
    /** Kafka's limit is 249 characters; MySQL names are at most 64 each, plus two dots. */
    static final int MAX_LENGTH = 249 - 2 * 64 - 2;

    @Override
    public void ensureValid(String name, Object value) {
        String prefix = (String) value;
        if (prefix == null) {
            return; // a missing required key is reported by ConfigDef itself, once
        }
        if (prefix.isEmpty()) {
            throw new ConfigException(name, prefix, "must not be empty");
        }
        if (!LEGAL.matcher(prefix).matches()) {
            throw new ConfigException(name, prefix, "may contain only ASCII letters, digits, '.', '_' and '-'");
        }
        if (prefix.equals(".") || prefix.equals("..")) {
            throw new ConfigException(name, prefix, "'.' and '..' are not legal topic names");
        }
        if (prefix.length() > MAX_LENGTH) {
            throw new ConfigException(name, prefix, "must be at most " + MAX_LENGTH
                    + " characters, so that <prefix>.<db>.<table> stays within Kafka's 249");
        }
    }

    @Override
    public String toString() {
        return "ASCII letters, digits, '.', '_', '-'; at most " + MAX_LENGTH + " characters";
    }
}
