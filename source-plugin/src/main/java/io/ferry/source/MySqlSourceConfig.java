package io.ferry.source;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of {@link MySqlSourceConnector}. Every key is declared here once, with its type, default,
 * validator and documentation, and parsed once into typed fields. Key names follow Debezium's MySQL
 * connector where the meaning is the same, so existing connector configs carry over.
 */
public final class MySqlSourceConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_TOPICS = "Topics";

    public static final String DATABASE_HOSTNAME_CONFIG = "database.hostname";
    private static final String DATABASE_HOSTNAME_DOC =
            "Host name or IP address of the source MySQL or MariaDB server.";

    public static final String DATABASE_PORT_CONFIG = "database.port";
    private static final String DATABASE_PORT_DOC = "TCP port of the source server.";
    static final int DATABASE_PORT_DEFAULT = 3306;

    public static final String DATABASE_USER_CONFIG = "database.user";
    private static final String DATABASE_USER_DOC = "User Ferry connects as. It needs SELECT, REPLICATION SLAVE"
            + " and REPLICATION CLIENT, and no other privilege: the snapshot takes no locks.";

    public static final String DATABASE_PASSWORD_CONFIG = "database.password";
    private static final String DATABASE_PASSWORD_DOC = "Password of database.user. Use a config provider"
            + " (e.g. ${file:/path:key}) to keep it out of the connector config.";

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "Prefix of every topic this connector writes: row changes"
            + " of table db.t go to <topic.prefix>.db.t, schema changes to <topic.prefix>. It also names the"
            + " source in the events' source.name field, so it must stay the same for the connector's lifetime.";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;
    private final String topicPrefix;

    public MySqlSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        this.hostname = getString(DATABASE_HOSTNAME_CONFIG).trim();
        this.port = getInt(DATABASE_PORT_CONFIG);
        this.user = getString(DATABASE_USER_CONFIG);
        this.password = getPassword(DATABASE_PASSWORD_CONFIG);
        this.topicPrefix = getString(TOPIC_PREFIX_CONFIG);
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(DATABASE_HOSTNAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.HIGH, DATABASE_HOSTNAME_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Hostname");
        def.define(DATABASE_PORT_CONFIG, Type.INT, DATABASE_PORT_DEFAULT, ConfigDef.Range.between(1, 65535),
                Importance.HIGH, DATABASE_PORT_DOC, GROUP_CONNECTION, ++order, Width.SHORT, "Port");
        def.define(DATABASE_USER_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyString(), Importance.HIGH, DATABASE_USER_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "User");
        def.define(DATABASE_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.HIGH, DATABASE_PASSWORD_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Password");

        order = 0;
        def.define(TOPIC_PREFIX_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new TopicPrefixValidator(),
                Importance.HIGH, TOPIC_PREFIX_DOC, GROUP_TOPICS, ++order, Width.MEDIUM, "Topic prefix");
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

    public String topicPrefix() {
        return topicPrefix;
    }
}
