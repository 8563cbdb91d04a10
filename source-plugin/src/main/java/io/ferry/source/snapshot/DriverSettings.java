package io.ferry.source.snapshot;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.ferry.source.schema.TableDef;
import java.sql.Connection;
import java.sql.SQLException;

/** The Connector/J settings of a connection that decide whether the snapshot reads keys and rows correctly. */
final class DriverSettings {

    private DriverSettings() {
    }

    /** Whether results come through a server cursor in batches ({@code useCursorFetch=true}). */
    static boolean cursorFetch(Connection connection) throws SQLException {
        return flag(connection, PropertyKey.useCursorFetch, true);
    }

    /**
     * Fails if a FLOAT key would be read inexactly: the text protocol prints FLOAT with 6 significant digits,
     * so the key read back is not the key stored, and chunk bounds and event keys would disagree. Server
     * prepared statements use the binary protocol, which carries the exact value.
     */
    static void requireExactKeys(Connection connection, TableDef table) throws SQLException {
        boolean floatKey = table.keyColumns().stream()
                .anyMatch(k -> table.column(k).orElseThrow().type().dataType().equals("float"));
        if (floatKey && !flag(connection, PropertyKey.useServerPrepStmts, true)) {
            throw new IllegalStateException(table.id() + " has a FLOAT key, which the text protocol rounds to 6"
                    + " digits: connect with useServerPrepStmts=true to read it exactly");
        }
    }

    /** A Connector/J boolean property, or {@code otherDriver} for another driver. */
    private static boolean flag(Connection connection, PropertyKey key, boolean otherDriver) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return otherDriver;
        }
        return connection.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(key).getValue();
    }
}
