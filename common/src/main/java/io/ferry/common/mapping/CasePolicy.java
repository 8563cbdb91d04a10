package io.ferry.common.mapping;

import java.util.Locale;

/** Placeholder until the mapping lands (branch common-mapping). */
public enum CasePolicy {
    AS_SOURCE, LOWER, UPPER;

    public static CasePolicy parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
