package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Null handling and schema building shared by the converters. */
abstract class AbstractConverter implements ColumnConverter {

    private final Schema schema;

    AbstractConverter(SchemaBuilder builder, boolean optional) {
        this.schema = (optional ? builder.optional() : builder).build();
    }

    @Override
    public final Schema schema() {
        return schema;
    }

    final boolean optional() {
        return schema.isOptional();
    }

    @Override
    public final Object fromJdbc(ResultSet rs, int index) throws SQLException {
        Object value = readJdbc(rs, index);
        return value == null || rs.wasNull() ? null : value;
    }

    @Override
    public final Object fromBinlog(Serializable raw) {
        if (raw == null) {
            return null;
        }
        try {
            return convertBinlog(raw);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("Unexpected binlog value of " + raw.getClass().getName()
                    + " for a field of schema " + schema.type() + " " + schema.name(), e);
        }
    }

    /** The Connect value of a JDBC column; may return anything when the column is NULL (checked by wasNull). */
    abstract Object readJdbc(ResultSet rs, int index) throws SQLException;

    /** The Connect value of a non-null binlog cell. */
    abstract Object convertBinlog(Serializable raw);
}
