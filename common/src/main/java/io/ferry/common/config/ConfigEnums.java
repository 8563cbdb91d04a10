package io.ferry.common.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * The one spelling rule of enum-valued config keys: the constant's name in lower case ({@code NOT_NULL} is
 * {@code not_null}), read back case-insensitively and trimmed. The ConfigDef validators list
 * {@link #values(Class)}, so an invalid value never reaches {@link #parse}.
 */
public final class ConfigEnums {

    private ConfigEnums() {
    }

    public static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    public static <E extends Enum<E>> String[] values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnums::value).toArray(String[]::new);
    }
}
