package io.ferry.source.schema;

import io.ferry.source.schema.convert.ColumnConverter;
import io.ferry.source.schema.convert.ColumnConverters;
import io.ferry.source.snapshot.KeyColumnCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The key columns' converters as the snapshot's {@link KeyColumnCodec}s, so that chunk boundaries and row keys
 * are the same Connect values the events carry.
 */
public final class KeyCodecs {

    private KeyCodecs() {
    }

    /**
     * @param timePrecision must be the events' mode: chunk boundaries are compared with the keys of event rows
     */
    public static List<KeyColumnCodec> forTable(TableDef table, TimePrecisionMode timePrecision) {
        List<KeyColumnCodec> codecs = new ArrayList<>();
        for (int position : table.keyPositions()) {
            ColumnConverter converter = ColumnConverters.forColumn(table.id(), table.columns().get(position),
                    timePrecision);
            codecs.add(new KeyColumnCodec() {
                @Override
                public Object read(ResultSet rs, int index) throws SQLException {
                    return converter.fromJdbc(rs, index);
                }

                @Override
                public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                    ps.setObject(index, converter.toJdbc(value));
                }
            });
        }
        return codecs;
    }
}
