package io.ferry.common.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How destination names that no rule maps explicitly are spelled: as in the source, lower case or upper case. */
public enum CasePolicy {
    AS_SOURCE("as-source"),
    LOWER("lower"),
    UPPER("upper");

    private final String configValue;

    CasePolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The spelling used in configuration: {@code as-source}, {@code lower} or {@code upper}. */
    public String configValue() {
        return configValue;
    }

    /** {@code name} spelled by this policy (root locale, so a Turkish default locale cannot change an 'i'). */
    public String apply(String name) {
        return switch (this) {
            case AS_SOURCE -> name;
            case LOWER -> name.toLowerCase(Locale.ROOT);
            case UPPER -> name.toUpperCase(Locale.ROOT);
        };
    }

    /** Parses a configuration value, case-insensitively; the error names the allowed values. */
    public static CasePolicy parse(String value) {
        String wanted = value == null ? "" : value.trim();
        for (CasePolicy policy : values()) {
            if (policy.configValue.equalsIgnoreCase(wanted)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a case policy; allowed values: " + allowedValues());
    }

    /** The allowed configuration values, comma separated, for documentation and error messages. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(CasePolicy::configValue).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configValue;
    }
}
