package io.ferry.sink;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of {@link MySqlSinkConnector}. Every key is declared here once, with its type, default,
 * validator and documentation, and parsed once into typed fields. Connect's own sink keys ({@code topics},
 * {@code topics.regex}, {@code errors.*}) are validated by the worker and are not repeated here.
 */
public final class MySqlSinkConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";

    public static final String CONNECTION_HOSTNAME_CONFIG = "connection.hostname";
    private static final String CONNECTION_HOSTNAME_DOC =
            "Host name or IP address of the destination MySQL or MariaDB server.";

    public static final String CONNECTION_PORT_CONFIG = "connection.port";
    private static final String CONNECTION_PORT_DOC = "TCP port of the destination server.";
    static final int CONNECTION_PORT_DEFAULT = 3306;

    public static final String CONNECTION_USER_CONFIG = "connection.user";
    private static final String CONNECTION_USER_DOC = "User Ferry connects to the destination as. It needs"
            + " INSERT, UPDATE, DELETE and SELECT on the mapped tables, and CREATE on the Ferry offsets table.";

    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    private static final String CONNECTION_PASSWORD_DOC = "Password of connection.user. Use a config provider"
            + " (e.g. ${file:/path:key}) to keep it out of the connector config.";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;

    public MySqlSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        this.hostname = getString(CONNECTION_HOSTNAME_CONFIG).trim();
        this.port = getInt(CONNECTION_PORT_CONFIG);
        this.user = getString(CONNECTION_USER_CONFIG);
        this.password = getPassword(CONNECTION_PASSWORD_CONFIG);
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(CONNECTION_HOSTNAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.HIGH, CONNECTION_HOSTNAME_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Hostname");
        def.define(CONNECTION_PORT_CONFIG, Type.INT, CONNECTION_PORT_DEFAULT, ConfigDef.Range.between(1, 65535),
                Importance.HIGH, CONNECTION_PORT_DOC, GROUP_CONNECTION, ++order, Width.SHORT, "Port");
        def.define(CONNECTION_USER_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyString(), Importance.HIGH, CONNECTION_USER_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "User");
        def.define(CONNECTION_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.HIGH, CONNECTION_PASSWORD_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Password");
        return def;
    }

    public String hostname() {
        return hostname;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public Password password() {
        return password;
    }
}
