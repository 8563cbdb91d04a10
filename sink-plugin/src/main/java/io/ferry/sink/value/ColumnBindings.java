package io.ferry.sink.value;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.kafka.connect.data.Schema;

/** Placeholder until the full type bindings land (branch sink-values). */
public final class ColumnBindings {

    private ColumnBindings() {
    }

    public static ColumnBinding forSchema(Schema fieldSchema) {
        return new ColumnBinding() {
            @Override
            public String placeholder() {
                return "?";
            }

            @Override
            public int parameterCount() {
                return 1;
            }

            @Override
            public int bind(PreparedStatement ps, int index, Object connectValue) throws SQLException {
                ps.setObject(index, connectValue);
                return index + 1;
            }
        };
    }
}
