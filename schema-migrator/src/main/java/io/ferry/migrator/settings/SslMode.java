package io.ferry.migrator.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** TLS to a server: the {@code ssl.mode} values, named as the MySQL clients name them. */
public enum SslMode {
    /** Plain TCP. */
    DISABLED,
    /** TLS when the server offers it, without checking its certificate. */
    PREFERRED,
    /** TLS or no connection, without checking the certificate. */
    REQUIRED,
    /** TLS with the server certificate checked against the CA in {@code ssl.ca}. */
    VERIFY_CA;

    /** The configuration spelling: {@code disabled}, {@code preferred}, {@code required}, {@code verify-ca}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a configuration value, case-insensitively; the error lists the allowed values. */
    public static SslMode parse(String value) {
        for (SslMode mode : values()) {
            if (mode.configValue().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an SSL mode; allowed values: "
                + Arrays.stream(values()).map(SslMode::configValue).collect(Collectors.joining(", ")));
    }
}
