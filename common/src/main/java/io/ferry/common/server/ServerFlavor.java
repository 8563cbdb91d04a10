package io.ferry.common.server;

import java.util.Locale;

/** The server family, which decides statement names, GTID formats and privilege names. */
public enum ServerFlavor {
    MARIADB,
    MYSQL;

    /** From {@code SELECT VERSION()} or a server binary's {@code --version} output. */
    public static ServerFlavor fromVersion(String version) {
        return version.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
    }
}
