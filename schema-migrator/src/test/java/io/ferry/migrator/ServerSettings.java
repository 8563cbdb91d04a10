package io.ferry.migrator;

import io.ferry.testkit.mysql.MySqlServer;
import java.util.HashMap;
import java.util.Map;

/** Migrator settings for the ITs' two servers (TLS off), selecting one database; callers add their own keys. */
public final class ServerSettings {

    private ServerSettings() {
    }

    public static Map<String, String> of(MySqlServer source, MySqlServer destination, String database) {
        Map<String, String> values = new HashMap<>();
        for (var side : Map.of("source.", source, "destination.", destination).entrySet()) {
            values.put(side.getKey() + "host", side.getValue().host());
            values.put(side.getKey() + "port", String.valueOf(side.getValue().port()));
            values.put(side.getKey() + "user", side.getValue().user());
            values.put(side.getKey() + "password", side.getValue().password());
            values.put(side.getKey() + "ssl.mode", "disabled");
        }
        values.put("database.include", database);
        return values;
    }
}
