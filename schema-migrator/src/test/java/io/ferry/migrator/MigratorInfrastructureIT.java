package io.ferry.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.mysql.MySqlServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Smoke test of what the migrator is tested on: a source and a destination server running at once, with
 * the binlog settings its precheck looks for, and DDL read from one replayable on the other.
 */
class MigratorInfrastructureIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @Test
    void sourceHasTheBinlogSettingsThePrecheckRequires() {
        assertThat(SOURCE.variable("log_bin")).isEqualTo("ON");
        assertThat(SOURCE.variable("binlog_format")).isEqualTo("ROW");
        assertThat(SOURCE.variable("binlog_row_image")).isEqualTo("FULL");
        assertThat(SOURCE.variable("binlog_row_metadata")).isEqualTo("FULL");
    }

    @Test
    void ddlReadFromTheSourceRecreatesTheTableOnTheDestination() {
        SOURCE.createDatabase("shop");
        SOURCE.execute("CREATE TABLE shop.orders (id BIGINT UNSIGNED PRIMARY KEY, amount DECIMAL(12,2) NOT NULL,"
                + " note VARCHAR(200) CHARACTER SET utf8mb4, UNIQUE KEY uk_note (note))");
        String ddl = SOURCE.queryRows("SHOW CREATE TABLE shop.orders").get(0).get(1);

        DESTINATION.createDatabase("shop");
        DESTINATION.execute("USE shop", ddl);

        assertThat(DESTINATION.queryRows("SHOW CREATE TABLE shop.orders").get(0).get(1)).isEqualTo(ddl);
    }
}
