package io.ferry.source.schema.convert;

import io.ferry.source.schema.ColumnDefault;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Null handling, schema building, column defaults and docs shared by the converters. */
abstract class AbstractConverter implements ColumnConverter {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractConverter.class);

    /** Set by {@link #defaultTo} and {@link #documentAs} right after construction, when the column has either. */
    private Schema schema;

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

    /**
     * Gives the field schema the column's DEFAULT, converted as a value of this column. Called by the factory
     * only, before the converter is used. A DEFAULT this converter cannot convert leaves the field without a
     * default (and says so), never fails the table.
     */
    final void defaultTo(ColumnDefault columnDefault, String column) {
        Object value;
        try {
            value = switch (columnDefault.kind()) {
                case NONE, EXPRESSION -> null;
                case LITERAL -> literalDefault(columnDefault.text());
                case BITS -> bitsDefault(columnDefault.text());
                case CURRENT_TIMESTAMP -> currentTimestampDefault();
            };
        } catch (RuntimeException e) {
            LOG.warn("Column {}: DEFAULT {} is not a {} value; its field schema gets no default ({})", column,
                    columnDefault.text(), schema.type(), e.getMessage());
            value = null;
        }
        if (value != null) {
            schema = FieldSchemas.withDefault(schema, value);
        }
    }

    /** Gives the field schema the column's COMMENT as its doc. Called by the factory only, before use. */
    final void documentAs(String comment) {
        if (comment != null) {
            schema = FieldSchemas.withDoc(schema, comment);
        }
    }

    /**
     * What a zero date in a NOT NULL column becomes: the column's default, as Debezium emits it, else
     * {@code epoch}, the type's zero point.
     */
    final Object zeroInNotNull(Object epoch) {
        Object value = schema.defaultValue();
        return value != null ? value : epoch;
    }

    /** The Connect value of a DEFAULT literal (unquoted, unescaped), or null if this type takes none. */
    Object literalDefault(String literal) {
        return null;
    }

    /** The Connect value of a {@code b'...'} DEFAULT, given its digits; only BIT columns take one. */
    Object bitsDefault(String digits) {
        return null;
    }

    /** The Connect value of DEFAULT CURRENT_TIMESTAMP, or null; only temporal columns take one. */
    Object currentTimestampDefault() {
        return null;
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
