package io.ferry.sink.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.ColumnFilter;
import io.ferry.common.TableId;
import io.ferry.common.mapping.CasePolicy;
import io.ferry.common.mapping.NameMapping;
import io.ferry.sink.NullsWithDefaults;
import io.ferry.sink.TableRouter;
import io.ferry.sink.table.DestinationColumn;
import io.ferry.sink.table.DestinationTable;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowLayoutTest {

    private static final TableId TABLE = new TableId("shop", "defaults");

    /** The JDBC calls made on the statement, as "method(index, value)". */
    private final List<String> calls = new ArrayList<>();
    private final PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                calls.add(method.getName() + "(" + args[0] + ", " + args[1] + ")");
                return null;
            });

    @Test
    void aNullValueBindsNullNotTheFieldsDefault() throws Exception {
        RowLayout layout = layout();
        assertThat(layout.bindRow(statement, 1, NullsWithDefaults.nullRow(1))).isEqualTo(4);
        assertThat(RowLayout.bind(layout.columnsOf(List.of("n", "s")), statement, 4, NullsWithDefaults.nullRow(1)))
                .isEqualTo(6);
        assertThat(calls).containsExactly("setLong(1, 1)", "setNull(2, " + Types.BIGINT + ")",
                "setNull(3, " + Types.VARCHAR + ")", "setNull(4, " + Types.BIGINT + ")",
                "setNull(5, " + Types.VARCHAR + ")");
    }

    private static RowLayout layout() {
        TableRouter router = new TableRouter(NameMapping.parse(List.of(), CasePolicy.parse("as-source")),
                new ColumnFilter(List.of()));
        DestinationTable table = new DestinationTable(TABLE, List.of(new DestinationColumn("id", "int", false, false),
                new DestinationColumn("n", "int", true, false), new DestinationColumn("s", "varchar", true, false)),
                List.of("id"), Map.of());
        return RowLayout.of(router, TABLE, NullsWithDefaults.ROW, table);
    }
}
