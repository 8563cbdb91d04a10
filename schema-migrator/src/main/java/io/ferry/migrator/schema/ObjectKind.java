package io.ferry.migrator.schema;

import java.util.Locale;

/** The kinds of schema object the copy creates, in the words the report and the logs use. */
public enum ObjectKind {
    /** Not an object: reading a server failed before any object could be handled. */
    SERVER,
    DATABASE,
    TABLE,
    PROCEDURE,
    FUNCTION,
    VIEW,
    EVENT,
    FOREIGN_KEY,
    TRIGGER,
    /** A user or role ({@code --accounts}). */
    ACCOUNT,
    /** One {@code SHOW GRANTS} line of an account. */
    GRANT;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whose body contains semicolons, so a script needs another delimiter around it. */
    boolean hasCompoundBody() {
        return this == PROCEDURE || this == FUNCTION || this == TRIGGER || this == EVENT;
    }
}
