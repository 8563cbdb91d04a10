package io.ferry.source.snapshot;

import io.ferry.common.Identifiers;
import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads the rows of one chunk, {@code SELECT <all columns> FROM t WHERE <range> ORDER BY <key>}, streaming
 * them to a callback so a large chunk is never held in memory by the driver.
 *
 * <p>Connector/J buffers a whole result set unless told otherwise. With {@code useCursorFetch=true} in the
 * URL it fetches {@code fetchSize} rows at a time through a server cursor; without it, rows are streamed one
 * by one ({@code fetchSize = Integer.MIN_VALUE}), and the connection can run no other statement until the
 * chunk has been read, so the callback must not use it.
 */
public final class ChunkQuery {

    /** Turns the current row into the values handed to the callback. */
    @FunctionalInterface
    public interface RowReader {
        Object[] read(ResultSet rs) throws SQLException;
    }

    private final TableDef table;
    private final KeySql keySql;
    private final int fetchSize;
    private final String selectList;
    private final String condition;

    /** @param fetchSize rows per round trip when the connection uses cursor fetch */
    public ChunkQuery(TableDef table, List<KeyColumnCodec> codecs, int fetchSize) {
        this(table, codecs, fetchSize, table.columns().stream().map(ColumnDef::name).map(Identifiers::quote)
                .collect(Collectors.joining(", ")));
    }

    /** @param selectList what to select for each row, e.g. with some columns cast for an exact text form */
    public ChunkQuery(TableDef table, List<KeyColumnCodec> codecs, int fetchSize, String selectList) {
        this(table, codecs, fetchSize, selectList, null);
    }

    /** @param condition a row filter the rows must also meet, or null */
    public ChunkQuery(TableDef table, List<KeyColumnCodec> codecs, int fetchSize, String selectList,
                      String condition) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("Fetch size must be at least 1, got " + fetchSize);
        }
        this.table = table;
        this.keySql = table.keyKind() == KeyKind.NONE ? null : new KeySql(table, codecs);
        this.fetchSize = fetchSize;
        this.selectList = selectList;
        this.condition = condition;
    }

    /** Reads every column of the current row with {@code getObject}, in column order. */
    public static RowReader allColumns(TableDef table) {
        int count = table.columns().size();
        return rs -> {
            Object[] row = new Object[count];
            for (int i = 0; i < count; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        };
    }

    /** The statement's text, for logs and EXPLAIN. */
    public String sql(ChunkRange chunk) {
        String filter = condition == null ? "" : "(" + condition + ")";
        if (keySql == null) {
            if (!chunk.equals(ChunkRange.ALL)) {
                throw new IllegalArgumentException(table.id() + " has no key: it can only be read whole");
            }
            return "SELECT " + selectList + " FROM " + table.id().quoted()
                    + (filter.isEmpty() ? "" : " WHERE " + filter);
        }
        String where = keySql.where(chunk);
        if (!filter.isEmpty()) {
            where = where.isEmpty() ? " WHERE " + filter : where + " AND " + filter;
        }
        return "SELECT " + selectList + " FROM " + table.id().quoted() + where + " ORDER BY " + keySql.keyList();
    }

    /** Streams the chunk's rows in key order to {@code handler}; returns how many there were. */
    public long read(Connection connection, ChunkRange chunk, RowReader reader, Consumer<Object[]> handler)
            throws SQLException {
        DriverSettings.requireExactKeys(connection, table);
        try (PreparedStatement statement = connection.prepareStatement(sql(chunk), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(DriverSettings.cursorFetch(connection) ? fetchSize : Integer.MIN_VALUE);
            if (keySql != null) {
                keySql.bind(statement, 1, chunk);
            }
            long rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.accept(reader.read(rs));
                    rows++;
                }
            }
            return rows;
        }
    }
}
