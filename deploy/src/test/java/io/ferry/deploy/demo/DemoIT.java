package io.ferry.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.deploy.cli.CliRunner;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, smaller: {@code ferry demo --rows 5000 --seconds 3} starts its servers and the
 * embedded stack, migrates the sample shop under its write workload, cuts over and validates, and says so.
 */
class DemoIT {

    @Test
    void theDemoMigratesTheShopCutsOverAndFindsTheTablesIdentical() {
        CliRunner.Result result = CliRunner.run("demo", "--rows", "5000", "--seconds", "3");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Schema copy pre-data: 10 created, 0 skipped, 0 failed",
                "Cutover complete", "created  trigger     shop.orders_audit",
                "Validation identical: 5 of 5 table(s) identical", "validation                            identical");
    }
}
