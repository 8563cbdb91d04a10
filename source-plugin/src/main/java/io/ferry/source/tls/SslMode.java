package io.ferry.source.tls;

import io.ferry.common.config.ConfigEnums;

/** TLS on every source connection; the values of {@code database.ssl.mode}, named as MySQL's clients name them. */
public enum SslMode {
    /** Plain TCP, even when the server offers TLS. */
    DISABLED,
    /** TLS when the server offers it, plain TCP otherwise; the server certificate is not checked. */
    PREFERRED,
    /** TLS or no connection; the server certificate is not checked. */
    REQUIRED,
    /** TLS, with the server certificate checked against the CA certificates of the truststore. */
    VERIFY_CA,
    /** As verify_ca, and the certificate must also name the host Ferry connects to. */
    VERIFY_IDENTITY;

    public String configValue() {
        return ConfigEnums.value(this);
    }

    public static SslMode parse(String value) {
        return ConfigEnums.parse(SslMode.class, value);
    }

    public static String[] configValues() {
        return ConfigEnums.values(SslMode.class);
    }

    /** Whether the server certificate is checked, for which a truststore is needed. */
    public boolean verifies() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
