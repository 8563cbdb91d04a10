package io.ferry.common.mapping;

import io.ferry.common.TableId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameMappingTest {

    private static final TableId ORDERS = new TableId("shop", "orders");

    private static NameMapping rules(String... rules) {
        return NameMapping.parse(List.of(rules), CasePolicy.AS_SOURCE);
    }

    @Test
    void identityChangesNothing() {
        NameMapping identity = NameMapping.identity();
        assertThat(identity.isIdentity()).isTrue();
        assertThat(identity.database("Shop")).isEqualTo("Shop");
        assertThat(identity.table(ORDERS)).isEqualTo(ORDERS);
        assertThat(identity.column(ORDERS, "Amount")).isEqualTo("Amount");
        assertThat(NameMapping.parse(List.of(" ", ""), CasePolicy.AS_SOURCE).isIdentity()).isTrue();
        assertThat(NameMapping.parse(List.of(), CasePolicy.LOWER).isIdentity()).isFalse();
        assertThat(rules("shop=shop").isIdentity()).isFalse();
    }

    @Test
    void databaseRenameAppliesToEveryTableOfThatDatabase() {
        NameMapping mapping = rules("shop=shop_v2");
        assertThat(mapping.database("shop")).isEqualTo("shop_v2");
        assertThat(mapping.database("crm")).isEqualTo("crm");
        assertThat(mapping.table(ORDERS)).isEqualTo(new TableId("shop_v2", "orders"));
        assertThat(mapping.table(new TableId("crm", "orders"))).isEqualTo(new TableId("crm", "orders"));
        assertThat(mapping.database("SHOP")).as("databases match case-sensitively").isEqualTo("SHOP");
    }

    @Test
    void tableRuleWithDatabaseOverridesTheDatabaseRule() {
        NameMapping mapping = rules("shop=shop_v2", "shop.orders=archive.orders_2024");
        assertThat(mapping.table(ORDERS)).isEqualTo(new TableId("archive", "orders_2024"));
        assertThat(mapping.table(new TableId("shop", "items"))).isEqualTo(new TableId("shop_v2", "items"));
    }

    @Test
    void tableRuleWithoutDatabaseFollowsTheDatabaseMapping() {
        assertThat(rules("shop.orders=orders_2024", "shop=shop_v2").table(ORDERS))
                .isEqualTo(new TableId("shop_v2", "orders_2024"));
        assertThat(NameMapping.parse(List.of("shop.orders=Orders_2024"), CasePolicy.UPPER).table(ORDERS))
                .as("the explicit table name is verbatim, the database follows the case policy")
                .isEqualTo(new TableId("SHOP", "Orders_2024"));
    }

    @Test
    void columnRenameIsPerTableAndCaseInsensitive() {
        NameMapping mapping = rules("shop.orders.amount=total_amount");
        assertThat(mapping.column(ORDERS, "amount")).isEqualTo("total_amount");
        assertThat(mapping.column(ORDERS, "AMOUNT")).isEqualTo("total_amount");
        assertThat(mapping.column(ORDERS, "id")).isEqualTo("id");
        assertThat(mapping.column(new TableId("shop", "refunds"), "amount")).isEqualTo("amount");
        assertThat(mapping.renamesColumn(ORDERS, "Amount")).isTrue();
        assertThat(mapping.renamesColumn(ORDERS, "id")).isFalse();
    }

    @Test
    void casePolicyAppliesToNamesNoRuleMaps() {
        NameMapping lower = NameMapping.parse(List.of("Shop.Orders.Amount=Total_Amount", "Crm=CRM_New"),
                CasePolicy.LOWER);
        TableId orders = new TableId("Shop", "Orders");
        assertThat(lower.table(orders)).isEqualTo(new TableId("shop", "orders"));
        assertThat(lower.column(orders, "Amount")).isEqualTo("Total_Amount");
        assertThat(lower.column(orders, "CreatedAt")).isEqualTo("createdat");
        assertThat(lower.database("Crm")).isEqualTo("CRM_New");

        NameMapping upper = NameMapping.parse(List.of(), CasePolicy.UPPER);
        assertThat(upper.table(ORDERS)).isEqualTo(new TableId("SHOP", "ORDERS"));
        assertThat(upper.column(ORDERS, "title")).as("root locale: no dotless I").isEqualTo("TITLE");
    }

    @Test
    void backQuotedNamesMayContainDotsEqualsAndBackQuotes() {
        NameMapping mapping = rules("`my.db`.`a=b`=x", " `we``ird` = `new.name` ", "plain . `t.1` . c = `d=1`");
        assertThat(mapping.table(new TableId("my.db", "a=b"))).isEqualTo(new TableId("my.db", "x"));
        assertThat(mapping.database("we`ird")).isEqualTo("new.name");
        assertThat(mapping.column(new TableId("plain", "t.1"), "C")).isEqualTo("d=1");
    }

    @Test
    void whitespaceAroundPartsIsTrimmed() {
        assertThat(rules("  shop . orders  =  shop_v2 . orders_2024 ").table(ORDERS))
                .isEqualTo(new TableId("shop_v2", "orders_2024"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "shop                | has no '='",
        "shop=a=b            | more than one unquoted '='",
        "=x                  | empty name",
        "shop.=x             | empty name",
        "shop.orders.=x      | empty name",
        "shop=               | empty name",
        "a.b.c.d=x           | has 4 source parts",
        "shop=a.b            | has 2 target parts",
        "shop.orders.amount=a.b | has 2 target parts",
        "shop.orders=a.b.c   | has 3 target parts",
        "`shop=x             | unclosed back-quote",
        "`shop`x=y           | text after a back-quoted name",
        "sh`op`=y            | back-quote in the middle",
    })
    void malformedRulesAreRejectedQuotingTheRule(String rule, String problem) {
        assertThatThrownBy(() -> rules(rule))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + rule + "'")
                .hasMessageContaining(problem);
    }

    @Test
    void theSameSourceTwiceIsRejected() {
        assertThatThrownBy(() -> rules("shop=a", "shop=b"))
                .hasMessageContaining("'shop=b'").hasMessageContaining("same source as 'shop=a'");
        assertThatThrownBy(() -> rules("shop.orders=a", "shop . orders=b"))
                .hasMessageContaining("same source as 'shop.orders=a'");
        assertThatThrownBy(() -> rules("shop.orders.amount=a", "shop.orders.AMOUNT=b"))
                .hasMessageContaining("'shop.orders.AMOUNT=b'").hasMessageContaining("same source");
    }

    @Test
    void twoSourcesOntoOneTargetAreRejected() {
        assertThatThrownBy(() -> rules("shop.a=x.t", "crm.b=x.t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onto x.t").hasMessageContaining("'shop.a=x.t'")
                .hasMessageContaining("'crm.b=x.t'");
        assertThatThrownBy(() -> rules("shop=x", "crm=x", "shop.a=t", "crm.b=t"))
                .as("both land on x.t through their database rules").hasMessageContaining("onto x.t");
        assertThatThrownBy(() -> rules("shop.orders.a=total", "shop.orders.b=TOTAL"))
                .hasMessageContaining("onto").hasMessageContaining("shop.orders.a=total")
                .hasMessageContaining("shop.orders.b=TOTAL");
        assertThat(rules("shop=x", "crm=x").database("crm")).as("merging databases is allowed").isEqualTo("x");
        assertThat(rules("shop.a.c=x", "shop.b.c=x").column(new TableId("shop", "b"), "c"))
                .as("the same column name in two tables is fine").isEqualTo("x");
    }

    @Test
    void reverseLookupsUseTheGivenSourceTables() {
        NameMapping mapping = NameMapping.parse(List.of("shop=shop_v2", "shop.orders=orders_2024"),
                CasePolicy.LOWER);
        List<TableId> sources = List.of(ORDERS, new TableId("shop", "Items"), new TableId("CRM", "people"));
        assertThat(mapping.sourcesByDestination(sources)).containsExactly(
                org.assertj.core.api.Assertions.entry(new TableId("shop_v2", "orders_2024"), ORDERS),
                org.assertj.core.api.Assertions.entry(new TableId("shop_v2", "items"), new TableId("shop", "Items")),
                org.assertj.core.api.Assertions.entry(new TableId("crm", "people"), new TableId("CRM", "people")));
        assertThat(mapping.sourceTable(new TableId("crm", "people"), sources))
                .contains(new TableId("CRM", "people"));
        assertThat(mapping.sourceTable(new TableId("shop", "orders"), sources)).isEmpty();
    }

    @Test
    void reverseLookupRejectsCollisionsTheRulesCannotSee() {
        NameMapping lower = NameMapping.parse(List.of(), CasePolicy.LOWER);
        assertThatThrownBy(() -> lower.sourcesByDestination(List.of(new TableId("s", "T"), new TableId("s", "t"))))
                .hasMessageContaining("s.T and s.t would both be written to s.t");
        assertThatThrownBy(() -> rules("shop.orders.a=b").sourceColumnsByDestination(ORDERS, List.of("a", "B")))
                .hasMessage("Columns a and B of shop.orders would both be named B in the destination");
        NameMapping renamed = rules("shop.orders.amount=total");
        assertThat(renamed.sourceColumnsByDestination(ORDERS, List.of("id", "amount")))
                .containsEntry("total", "amount").containsEntry("id", "id");
    }
}
