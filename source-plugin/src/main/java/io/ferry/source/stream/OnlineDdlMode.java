package io.ferry.source.stream;

import java.util.Arrays;
import java.util.Locale;

/** How the stream treats tables of online schema change tools; the values of {@code online.ddl.mode}. */
public enum OnlineDdlMode {
    /** No special handling: shadow and trash tables are captured like any other table. */
    NONE,
    /** gh-ost style: shadow and trash tables are left out, and the cut-over becomes the ALTER it stands for. */
    GH_OST,
    /** Shadow tables are captured on purpose, so the destination repeats the tool's steps (same as none). */
    MIGRATE_SHADOW;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OnlineDdlMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(OnlineDdlMode::configValue).toArray(String[]::new);
    }
}
