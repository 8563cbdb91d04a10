package io.ferry.sink.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session the sink writes in, as the destination server sees it. */
class DestinationSessionIT {

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @AfterEach
    void restoreBinlogFormat() {
        DESTINATION.execute("SET GLOBAL binlog_format = 'ROW'");
    }

    @Test
    void writesUnderReadCommittedSoThatDeletesOfAbsentKeysTakeNoGapLocks() throws SQLException {
        assertThat(isolationOfANewSession()).isEqualTo("READ-COMMITTED");
    }

    @Test
    void keepsTheServersLevelWhenTheBinlogLogsStatements() throws SQLException {
        // InnoDB refuses writes under READ COMMITTED with statement-based logging.
        DESTINATION.execute("SET GLOBAL binlog_format = 'STATEMENT'");
        assertThat(isolationOfANewSession()).isEqualTo(DESTINATION.variable("transaction_isolation"));
    }

    private static String isolationOfANewSession() throws SQLException {
        DestinationSession session = new DestinationSession(new MySqlSinkConfig(Map.of(
                MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, DESTINATION.host(),
                MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(DESTINATION.port()),
                MySqlSinkConfig.CONNECTION_USER_CONFIG, DESTINATION.user(),
                MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG, DESTINATION.password())));
        try (Statement statement = session.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@session.transaction_isolation")) {
            rows.next();
            return rows.getString(1);
        } finally {
            session.close();
        }
    }
}
