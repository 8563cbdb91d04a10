package io.ferry.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Definer removal and SQL SECURITY INVOKER on definitions as MySQL and MariaDB print them. */
class DefinerClauseTest {

    @Test
    void viewLosesItsDefinerAndRunsAsInvoker() {
        assertThat(DefinerClause.view("CREATE ALGORITHM=UNDEFINED DEFINER=`owner`@`%` SQL SECURITY DEFINER VIEW"
                + " `shop`.`v` AS select `shop`.`t`.`id` AS `id` from `shop`.`t`"))
                .isEqualTo("CREATE ALGORITHM=UNDEFINED SQL SECURITY INVOKER VIEW `shop`.`v` AS select"
                        + " `shop`.`t`.`id` AS `id` from `shop`.`t`");
        assertThat(DefinerClause.view("CREATE VIEW v AS SELECT 'DEFINER=`x`@`y`' AS s"))
                .isEqualTo("CREATE SQL SECURITY INVOKER VIEW v AS SELECT 'DEFINER=`x`@`y`' AS s");
    }

    @Test
    void definerFormsServersAndUsersWrite() {
        assertThat(DefinerClause.strip("CREATE DEFINER=`a``b`@`10.0.%` TRIGGER t")).isEqualTo("CREATE TRIGGER t");
        assertThat(DefinerClause.strip("CREATE DEFINER='app'@'localhost' EVENT e")).isEqualTo("CREATE EVENT e");
        assertThat(DefinerClause.strip("create definer = current_user() procedure p()")).isEqualTo(
                "create procedure p()");
        assertThat(DefinerClause.strip("CREATE DEFINER=`some_role` PROCEDURE p()")).isEqualTo("CREATE PROCEDURE p()");
        assertThat(DefinerClause.strip("CREATE TABLE t (definer INT)")).isEqualTo("CREATE TABLE t (definer INT)");
    }

    @Test
    void procedureGetsInvokerAfterDataAccessAndBeforeComment() {
        String mysql = """
                CREATE DEFINER=`root`@`localhost` PROCEDURE `p`(IN a ENUM('x)', 'y'), OUT b DECIMAL(10,2))
                    READS SQL DATA
                    DETERMINISTIC
                    COMMENT 'keeps ) and SQL SECURITY DEFINER in a comment'
                BEGIN
                  SELECT 1;
                END""";
        assertThat(DefinerClause.routine(mysql)).isEqualTo("""
                CREATE PROCEDURE `p`(IN a ENUM('x)', 'y'), OUT b DECIMAL(10,2))
                    READS SQL DATA
                    DETERMINISTIC
                    SQL SECURITY INVOKER
                    COMMENT 'keeps ) and SQL SECURITY DEFINER in a comment'
                BEGIN
                  SELECT 1;
                END""");
    }

    @Test
    void functionWithoutCharacteristicsGetsTheLineBeforeItsBody() {
        assertThat(DefinerClause.routine("CREATE DEFINER=`owner`@`%` FUNCTION `f`(p_id INT) RETURNS varchar(10)"
                + " CHARSET utf8mb4 COLLATE utf8mb4_bin\nRETURN (SELECT name FROM t WHERE id = p_id)"))
                .isEqualTo("CREATE FUNCTION `f`(p_id INT) RETURNS varchar(10) CHARSET utf8mb4 COLLATE utf8mb4_bin\n"
                        + "    SQL SECURITY INVOKER\nRETURN (SELECT name FROM t WHERE id = p_id)");
    }

    @Test
    void multiLineParametersAndAnExistingSecurityLine() {
        String text = "CREATE DEFINER=`root`@`localhost` PROCEDURE `p`(\n  IN a INT, -- first (one)\n  IN b INT)\n"
                + "    SQL SECURITY DEFINER\nSELECT a + b";
        assertThat(DefinerClause.routine(text)).isEqualTo("CREATE PROCEDURE `p`(\n  IN a INT, -- first (one)\n"
                + "  IN b INT)\n    SQL SECURITY INVOKER\nSELECT a + b");
        assertThat(DefinerClause.routine(DefinerClause.routine(text))).isEqualTo(DefinerClause.routine(text));
    }

    @Test
    void routineWithoutALayoutFailsClearly() {
        assertThatThrownBy(() -> DefinerClause.routine("CREATE PROCEDURE p() SELECT 1"))
                .hasMessageStartingWith("Cannot find where the characteristics start");
    }

    @Test
    void eventIsCreatedDisabledWithoutDefiner() {
        assertThat(DefinerClause.disabledEvent("CREATE DEFINER=`owner`@`%` EVENT `e` ON SCHEDULE EVERY 1 DAY STARTS"
                + " '2026-01-01 00:00:00' ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM t"))
                .isEqualTo("CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY STARTS '2026-01-01 00:00:00' ON COMPLETION"
                        + " NOT PRESERVE DISABLE DO DELETE FROM t");
        assertThat(DefinerClause.disabledEvent("CREATE EVENT `e` ON SCHEDULE AT '2026-01-01 00:00:00' ON COMPLETION"
                + " PRESERVE DISABLE ON SLAVE DO DELETE FROM t")).contains("PRESERVE DISABLE DO");
    }

    @Test
    void normalizedDefinitionsIgnoreDefinerWhitespaceAndEventStatus() {
        assertThat(SchemaObject.normalize(ObjectKind.TRIGGER, "CREATE DEFINER=`root`@`localhost` TRIGGER t\n"
                + "  AFTER INSERT ON x FOR EACH ROW SET @a = 1")).isEqualTo(SchemaObject.normalize(
                ObjectKind.TRIGGER, "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW SET @a = 1"));
        assertThat(SchemaObject.normalize(ObjectKind.EVENT, "CREATE EVENT e ON SCHEDULE EVERY 1 DAY ON COMPLETION"
                + " NOT PRESERVE ENABLE DO SELECT 1")).isEqualTo(SchemaObject.normalize(ObjectKind.EVENT,
                "CREATE EVENT e ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE DISABLE DO SELECT 1"));
    }
}
