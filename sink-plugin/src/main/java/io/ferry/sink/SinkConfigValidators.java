package io.ferry.sink;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The single-key validators of {@link MySqlSinkConfig}: each names the bad value and what is wrong with it. */
final class SinkConfigValidators {

    private SinkConfigValidators() {
    }

    /** A regex with at least two capturing groups (database, table). */
    static final class TopicRegex implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                Pattern pattern = Pattern.compile((String) value);
                if (pattern.matcher("").groupCount() < 2) {
                    throw new ConfigException(name, value, "needs two capturing groups: database, then table");
                }
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, value, "is not a valid regular expression: " + e.getDescription());
            }
        }

        @Override
        public String toString() {
            return "a regex with groups (database)(table)";
        }
    }

    /** A list of valid regular expressions. */
    static final class RegexList implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> regexes = (List<String>) value;
            for (String regex : regexes) {
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(name, value, "'" + regex + "' is not a valid regular expression: "
                            + e.getDescription());
                }
            }
        }

        @Override
        public String toString() {
            return "comma-separated regexes";
        }
    }

    /** as-source, lower or upper. */
    static final class CaseName implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : ((String) value).trim().toLowerCase(Locale.ROOT);
            if (!List.of("as-source", "lower", "upper").contains(text)) {
                throw new ConfigException(name, value, "must be one of as-source, lower, upper");
            }
        }

        @Override
        public String toString() {
            return "as-source, lower, upper";
        }
    }

    /** Mapping rules that parse; the message quotes the bad rule. */
    static final class MappingRules implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> rules = (List<String>) value;
            try {
                TableRouter.parseMapping(rules, "as-source");
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "comma-separated db=db2, db.t=db2.t2, db.t.c=c2";
        }
    }
}
