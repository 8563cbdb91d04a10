package io.ferry.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewOrderTest {

    private static TableId id(String qualified) {
        return TableId.parse(qualified);
    }

    private static String view(String name, String from) {
        return "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW " + name
                + " AS select `x`.`id` AS `id` from " + from + " `x`";
    }

    @Test
    void viewsOnViewsFollowWhatTheyRead() {
        Map<TableId, String> views = new LinkedHashMap<>();
        views.put(id("s.a_top"), view("`s`.`a_top`", "`s`.`m_mid`"));
        views.put(id("s.m_mid"), view("`s`.`m_mid`", "(`s`.`z_base` join `other`.`v2`)"));
        views.put(id("s.z_base"), view("`s`.`z_base`", "`s`.`orders`"));
        views.put(id("other.v2"), view("`other`.`v2`", "`other`.`t`"));
        views.put(id("s.alone"), view("`s`.`alone`", "`s`.`orders`"));

        assertThat(ViewOrder.sort(views)).containsExactly(id("other.v2"), id("s.alone"), id("s.z_base"),
                id("s.m_mid"), id("s.a_top"));
    }

    @Test
    void qualifiedColumnsCountAsTheirTableAndStringsDoNot() {
        assertThat(ViewOrder.references("select `s`.`v`.`id` AS `id`, '`s`.`w`' AS `t` from `s`.`v`"))
                .containsExactly(id("s.v"));
    }

    @Test
    void aCycleCannotLoseViews() {
        Map<TableId, String> views = new LinkedHashMap<>();
        views.put(id("s.b"), view("`s`.`b`", "`s`.`a`"));
        views.put(id("s.a"), view("`s`.`a`", "`s`.`b`"));
        views.put(id("s.c"), view("`s`.`c`", "`s`.`t`"));

        assertThat(ViewOrder.sort(views)).containsExactly(id("s.c"), id("s.a"), id("s.b"));
    }
}
