package io.ferry.source.event;

import io.ferry.common.TableId;

/**
 * Topic names of a connector: {@code <prefix>.<db>.<table>} for a table's row changes and {@code <prefix>}
 * for schema changes. Characters Kafka does not allow in topic names become {@code _}, as in Debezium.
 */
public final class TopicNames {

    private final String prefix;

    public TopicNames(String prefix) {
        this.prefix = prefix;
    }

    public String forTable(TableId table) {
        return prefix + "." + sanitize(table.database()) + "." + sanitize(table.table());
    }

    public String schemaChanges() {
        return prefix;
    }

    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '.';
            out.append(legal ? c : '_');
        }
        return out.toString();
    }
}
