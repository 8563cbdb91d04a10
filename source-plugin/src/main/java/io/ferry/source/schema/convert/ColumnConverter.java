package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.Schema;

/**
 * Maps one column to its Kafka Connect field and converts its values from both read paths, which must
 * agree exactly: the snapshot's JDBC result set and the stream's binlog rows. Get one from
 * {@link ColumnConverters#forColumn}.
 *
 * <p>The snapshot connection must use the text protocol or server-side prepared statements with the
 * session {@code time_zone} set to {@code '+00:00'}: TIMESTAMP values are read as text in the session zone.
 */
public interface ColumnConverter {

    /** The field's schema; optional if and only if the column is nullable. */
    Schema schema();

    /**
     * The expression that selects this column for {@link #fromJdbc}, given its quoted name. Usually the name;
     * FLOAT is selected as DOUBLE because the text protocol prints FLOAT with only 6 significant digits, and
     * temporal columns as {@code CAST(c AS CHAR)}, the server's text in either protocol.
     */
    default String selectExpression(String quotedColumn) {
        return quotedColumn;
    }

    /** The Connect value of column {@code index} (1-based) of the current row, or null for SQL NULL. */
    Object fromJdbc(ResultSet rs, int index) throws SQLException;

    /**
     * The Connect value of a binlog cell as decoded by the deserializer from
     * {@link io.ferry.source.schema.binlog.BinlogDeserialization#newEventDeserializer()}; null for NULL.
     */
    Object fromBinlog(Serializable raw);

    /**
     * The reverse of the conversion: a value to bind as a {@code PreparedStatement} parameter, e.g. a chunk
     * boundary of a key column. Implemented for every type that can be part of a key.
     */
    default Object toJdbc(Object connectValue) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " values cannot be bound as keys");
    }
}
