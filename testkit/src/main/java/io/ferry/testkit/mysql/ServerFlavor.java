package io.ferry.testkit.mysql;

import java.util.Locale;

/** Which server family a binary or a running server belongs to; they differ in how a data directory is made. */
public enum ServerFlavor {
    MARIADB,
    MYSQL;

    /** Reads the flavor from {@code SELECT VERSION()} or {@code mysqld --version} output. */
    public static ServerFlavor fromVersionText(String text) {
        return text.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
    }
}
