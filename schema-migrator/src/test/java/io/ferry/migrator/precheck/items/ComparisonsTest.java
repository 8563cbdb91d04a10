package io.ferry.migrator.precheck.items;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.common.server.Finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure decisions behind the items that need servers which the tests cannot start with other settings. */
class ComparisonsTest {

    @Test
    void lowerCaseTableNamesMismatchWarnsEitherWay() {
        assertThat(LowerCaseTableNamesCheck.compare(0, 0).severity()).isEqualTo(Severity.PASS);
        Finding toInsensitive = LowerCaseTableNamesCheck.compare(0, 1);
        assertThat(toInsensitive.severity()).isEqualTo(Severity.WARNING);
        assertThat(toInsensitive.message()).contains("0 on the source and 1 on the destination", "lower case");
        assertThat(LowerCaseTableNamesCheck.compare(1, 0).message()).contains("will fail on the destination");
        assertThat(LowerCaseTableNamesCheck.compare(2, 1).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void namesDifferingOnlyInCaseClashOnACaseInsensitiveDestination() {
        List<TableId> tables = List.of(new TableId("Shop", "Orders"), new TableId("Shop", "orders"),
                new TableId("shop", "items"));

        assertThat(DestinationNames.problems(tables, false)).isEmpty();
        assertThat(DestinationNames.problems(tables, true)).extracting(Finding::message).containsExactly(
                "Tables Shop.Orders and Shop.orders differ only in case, and the destination compares names"
                        + " case-insensitively (lower_case_table_names is not 0)",
                "Databases Shop and shop differ only in case, and the destination compares names"
                        + " case-insensitively (lower_case_table_names is not 0)");
    }

    @Test
    void namesTheDestinationRejects() {
        String long65 = "t".repeat(65);
        List<Finding> problems = DestinationNames.problems(List.of(new TableId("shop", long65),
                new TableId("shop ", "a"), new TableId("shop", "emoji\uD83D\uDE00"), new TableId("ok", "t".repeat(64))),
                false);

        assertThat(problems).extracting(Finding::subject).containsExactly(long65, "shop ", "emoji\uD83D\uDE00");
        assertThat(problems).allMatch(Finding::failed);
        assertThat(problems.get(1).message()).contains("database name 'shop ' ends with a space");
    }

    @Test
    void collationsTheDestinationLacksFail() {
        Map<String, String> used = Map.of("utf8mb4_0900_ai_ci", "table shop.orders", "latin1_swedish_ci",
                "database shop");

        List<Finding> missing = CharsetCheck.missing(used, Set.of("latin1_swedish_ci", "utf8mb4_general_ci"));

        assertThat(missing).singleElement().satisfies(f -> {
            assertThat(f.failed()).isTrue();
            assertThat(f.message()).isEqualTo("The destination has no collation utf8mb4_0900_ai_ci (used by table"
                    + " shop.orders)");
            assertThat(f.fix()).contains("a collation of utf8mb4 that both servers have");
        });
    }

    @Test
    void freeSpaceAgainstSourceSize() {
        long gib = 1024L * 1024 * 1024;
        assertThat(FreeSpaceCheck.compare(10 * gib, OptionalLong.of(5 * gib)).severity()).isEqualTo(Severity.FAILURE);
        assertThat(FreeSpaceCheck.compare(10 * gib, OptionalLong.of(11 * gib)).severity()).isEqualTo(Severity.WARNING);
        assertThat(FreeSpaceCheck.compare(10 * gib, OptionalLong.of(20 * gib)).severity()).isEqualTo(Severity.PASS);
        Finding unknown = FreeSpaceCheck.compare(3 * gib / 2, OptionalLong.empty());
        assertThat(unknown.severity()).isEqualTo(Severity.PASS);
        assertThat(unknown.message()).contains("1.5 GiB", "cannot be read over SQL");
    }
}
