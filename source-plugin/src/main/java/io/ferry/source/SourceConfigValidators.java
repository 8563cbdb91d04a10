package io.ferry.source;

import io.ferry.common.TableFilter;
import io.ferry.common.TableId;
import io.ferry.source.event.OperationFilter;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The single-key validators of {@link MySqlSourceConfig}: each names the bad value and what is wrong with it. */
final class SourceConfigValidators {

    private SourceConfigValidators() {
    }

    /** Accepts an empty value or db.table. */
    static final class HeartbeatTable implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String table = value == null ? "" : ((String) value).trim();
            if (!table.isEmpty()) {
                try {
                    TableId.parse(table);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, "must be db.table");
                }
            }
        }

        @Override
        public String toString() {
            return "empty, or db.table";
        }
    }

    /** Rejects a value that is not a valid regular expression. */
    static final class Regex implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                TableFilter.validatePatterns(value == null ? List.of() : List.of((String) value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a regular expression";
        }
    }

    /** Rejects {@code table.operations} entries that do not parse, naming the bad entry. */
    static final class OperationList implements ConfigDef.Validator {
        @Override
        @SuppressWarnings("unchecked")
        public void ensureValid(String name, Object value) {
            try {
                OperationFilter.parse(value == null ? List.of() : (List<String>) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "comma-separated <db.table regex>:<op>+<op> entries";
        }
    }

    /** Rejects entries that are not valid regular expressions, naming the bad entry. */
    static final class RegexList implements ConfigDef.Validator {
        @Override
        @SuppressWarnings("unchecked")
        public void ensureValid(String name, Object value) {
            try {
                TableFilter.validatePatterns(value == null ? List.of() : (List<String>) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "comma-separated regular expressions";
        }
    }
}
