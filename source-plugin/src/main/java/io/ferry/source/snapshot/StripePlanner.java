package io.ferry.source.snapshot;

import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a table into contiguous stripes of roughly equal size, one per task that will read it. The
 * stripes cover the whole key space (the first starts and the last ends unbounded), so no key can fall
 * between them whatever is inserted later. Sizes are approximate by design: the row count is the
 * {@code information_schema.TABLES.TABLE_ROWS} estimate, and
 * <ul>
 *   <li>a single integer key is cut evenly between its MIN and MAX (two index probes; skewed if the keys
 *       are), while</li>
 *   <li>any other key is cut at the keys found every {@code rows / stripes} rows along the index, with the
 *       same probe as {@link ChunkSplitter} (reads each index entry once).</li>
 * </ul>
 */
public final class StripePlanner {

    private static final String TABLE_ROWS = "SELECT TABLE_ROWS FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    private static final Set<String> INTEGER_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "bigint");

    private final Connection connection;
    private final TableDef table;
    private final List<KeyColumnCodec> codecs;

    public StripePlanner(Connection connection, TableDef table, List<KeyColumnCodec> codecs) {
        this.connection = connection;
        this.table = table;
        this.codecs = List.copyOf(codecs);
    }

    /**
     * At most {@code maxStripes} stripes with, by the estimate, at least {@code minRowsPerStripe} rows each
     * (one stripe for a small table or a table without a key), in key order.
     */
    public List<ChunkRange> plan(int maxStripes, long minRowsPerStripe) throws SQLException {
        if (maxStripes < 1 || minRowsPerStripe < 1) {
            throw new IllegalArgumentException("Need at least one stripe of at least one row, got "
                    + maxStripes + " stripes of " + minRowsPerStripe + " rows");
        }
        long rows = estimatedRows();
        int stripes = (int) Math.max(1, Math.min(maxStripes, rows / minRowsPerStripe));
        if (stripes == 1 || table.keyKind() == KeyKind.NONE) {
            return List.of(ChunkRange.ALL);
        }
        List<List<Object>> boundaries = isSingleInteger() ? evenBoundaries(stripes)
                : sampledBoundaries(stripes, rows);
        List<ChunkRange> plan = new ArrayList<>();
        List<Object> start = null;
        for (List<Object> boundary : boundaries) {
            plan.add(ChunkRange.of(start, boundary));
            start = boundary;
        }
        plan.add(ChunkRange.of(start, null));
        return plan;
    }

    /** The server's estimate of the table's rows; 0 when unknown. */
    long estimatedRows() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TABLE_ROWS)) {
            statement.setString(1, table.id().database());
            statement.setString(2, table.id().table());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private boolean isSingleInteger() {
        if (table.keyColumns().size() != 1) {
            return false;
        }
        ColumnType type = table.column(table.keyColumns().get(0)).orElseThrow().type();
        return INTEGER_TYPES.contains(type.dataType());
    }

    private List<List<Object>> evenBoundaries(int stripes) throws SQLException {
        KeySql sql = new KeySql(table, codecs);
        Optional<Object> min = extreme(sql, sql.keyList());
        Optional<Object> max = extreme(sql, sql.keyListDescending());
        List<List<Object>> boundaries = new ArrayList<>();
        if (min.isEmpty() || max.isEmpty()) {
            return boundaries;
        }
        BigInteger low = integer(min.get());
        BigInteger span = integer(max.get()).subtract(low);
        BigInteger previous = low;
        for (int i = 1; i < stripes; i++) {
            BigInteger boundary = low.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(stripes)));
            if (boundary.compareTo(previous) > 0) {
                boundaries.add(List.of(sameClass(boundary, min.get())));
                previous = boundary;
            }
        }
        return boundaries;
    }

    private Optional<Object> extreme(KeySql sql, String orderBy) throws SQLException {
        String query = "SELECT " + sql.keyList() + " FROM " + table.id().quoted() + " ORDER BY " + orderBy
                + " LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(query);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(sql.readKey(rs, 1).get(0)) : Optional.empty();
        }
    }

    private List<List<Object>> sampledBoundaries(int stripes, long rows) throws SQLException {
        int step = (int) Math.min(Integer.MAX_VALUE, Math.max(1, rows / stripes));
        List<List<Object>> boundaries = new ArrayList<>();
        try (ChunkSplitter splitter = new ChunkSplitter(connection, table, codecs, ChunkRange.ALL, step)) {
            while (boundaries.size() < stripes - 1) {
                Optional<ChunkRange> chunk = splitter.next();
                if (chunk.isEmpty() || chunk.get().end() == null) {
                    break;
                }
                boundaries.add(chunk.get().end());
            }
        }
        return boundaries;
    }

    private static BigInteger integer(Object value) {
        if (value instanceof BigInteger integer) {
            return integer;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toBigIntegerExact();
        }
        if (value instanceof Number number) {
            return BigInteger.valueOf(number.longValue());
        }
        throw new IllegalArgumentException("Expected an integer key value, got " + value.getClass().getName());
    }

    /** {@code value} as the class the codec reads the key as, so boundaries bind like read keys. */
    private static Object sameClass(BigInteger value, Object like) {
        if (like instanceof Integer) {
            return value.intValueExact();
        } else if (like instanceof Long) {
            return value.longValueExact();
        } else if (like instanceof Short) {
            return value.shortValueExact();
        } else if (like instanceof Byte) {
            return value.byteValueExact();
        } else if (like instanceof BigDecimal) {
            return new BigDecimal(value);
        }
        return value;
    }
}
