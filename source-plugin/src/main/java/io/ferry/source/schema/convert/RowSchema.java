package io.ferry.source.schema.convert;

import io.ferry.common.Identifiers;
import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TimePrecisionMode;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The Connect schemas of one table's events and the conversion of its rows: the key struct of the key columns
 * ({@code <prefix>.<db>.<table>.Key}) and the row struct of all columns ({@code <prefix>.<db>.<table>.Value}),
 * which the envelope uses for {@code before} and {@code after}. Field names are the column names unchanged,
 * as Debezium emits them by default, so that sinks can map fields back to columns.
 *
 * <p>A field schema's doc (a column comment) is also a parameter of the struct, {@value #AVRO_FIELD_DOC}{@code
 * <field>}: the Avro converters (Confluent's {@code AvroData} and Apicurio's copy of it) make a Connect schema's doc
 * only a {@code connect.doc} property of the Avro type, and take the Avro field's {@code doc} from that parameter.
 * Likewise the table comment is the row struct's doc and its parameter {@value #AVRO_RECORD_DOC}, which they write
 * as the Avro record's {@code doc}.
 */
public final class RowSchema {

    /** Prefix of the struct parameter that the Avro converters write as the Avro field's doc. */
    static final String AVRO_FIELD_DOC = "io.confluent.connect.avro.field.doc.";

    /** The struct parameter that the Avro converters write as the Avro record's doc (the table comment). */
    static final String AVRO_RECORD_DOC = "io.confluent.connect.avro.record.doc";

    private final TableDef table;
    private final List<ColumnConverter> converters;
    private final int[] keyPositions;
    private final Schema keySchema;
    private final Schema valueSchema;

    private RowSchema(TableDef table, String topicPrefix, FieldNameAdjustment fieldNames,
                      TimePrecisionMode timePrecision) {
        this.table = table;
        requireDistinctFieldNames(table, fieldNames);
        if (timePrecision == TimePrecisionMode.CONNECT) {
            requireMillisecondKeys(table);
        }
        this.converters = new ArrayList<>(table.columns().size());
        SchemaBuilder value = SchemaBuilder.struct()
                .name(SchemaNames.of(topicPrefix, table.id().database(), table.id().table(), "Value")).optional();
        if (table.comment() != null) {
            value.doc(table.comment()).parameter(AVRO_RECORD_DOC, table.comment());
        }
        for (ColumnDef column : table.columns()) {
            ColumnConverter converter = ColumnConverters.forColumn(table.id(), column, timePrecision);
            converters.add(converter);
            addField(value, fieldNames.fieldName(column.name()), converter.schema());
        }
        this.valueSchema = value.build();
        this.keyPositions = table.keyPositions();
        if (table.keyKind() == KeyKind.NONE) {
            this.keySchema = null;
        } else {
            SchemaBuilder key = SchemaBuilder.struct()
                    .name(SchemaNames.of(topicPrefix, table.id().database(), table.id().table(), "Key"));
            for (int position : keyPositions) {
                addField(key, fieldNames.fieldName(table.columns().get(position).name()),
                        converters.get(position).schema());
            }
            this.keySchema = key.build();
        }
    }

    private static void addField(SchemaBuilder struct, String name, Schema schema) {
        struct.field(name, schema);
        if (schema.doc() != null) {
            struct.parameter(AVRO_FIELD_DOC + name, schema.doc());
        }
    }

    public static RowSchema of(TableDef table, String topicPrefix) {
        return of(table, topicPrefix, FieldNameAdjustment.NONE);
    }

    /** With field names made from the column names by {@code fieldNames} (e.g. valid Avro names). */
    public static RowSchema of(TableDef table, String topicPrefix, FieldNameAdjustment fieldNames) {
        return of(table, topicPrefix, fieldNames, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS);
    }

    /** With DATE, DATETIME and TIME fields as {@code timePrecision} says. */
    public static RowSchema of(TableDef table, String topicPrefix, FieldNameAdjustment fieldNames,
                               TimePrecisionMode timePrecision) {
        return new RowSchema(table, topicPrefix, fieldNames, timePrecision);
    }

    /** Two columns must not become one field: the event could not say which column a value belongs to. */
    private static void requireDistinctFieldNames(TableDef table, FieldNameAdjustment fieldNames) {
        Map<String, String> columnOfField = new HashMap<>();
        for (ColumnDef column : table.columns()) {
            String other = columnOfField.putIfAbsent(fieldNames.fieldName(column.name()), column.name());
            if (other != null) {
                throw new IllegalArgumentException(table.id() + ": columns '" + other + "' and '" + column.name()
                        + "' both become field " + fieldNames.fieldName(column.name()) + " under"
                        + " field.name.adjustment.mode=" + fieldNames.configValue() + "; rename one, or exclude"
                        + " one with column.exclude");
            }
        }
    }

    /**
     * Connect's Timestamp and Time hold milliseconds: key values that differ below the millisecond would become one
     * key, and the snapshot, which holds a chunk's rows by key, would emit only one of the rows.
     */
    private static void requireMillisecondKeys(TableDef table) {
        for (int position : table.keyPositions()) {
            ColumnDef column = table.columns().get(position);
            String type = column.type().dataType();
            if ((type.equals("datetime") || type.equals("time")) && column.type().fsp() > 3) {
                throw new IllegalArgumentException(table.id() + ": key column " + column.name() + " is "
                        + type.toUpperCase(Locale.ROOT) + "(" + column.type().fsp() + "), whose microseconds"
                        + " time.precision.mode=connect would truncate, so that rows could share a key. Set"
                        + " time.precision.mode=adaptive_time_microseconds.");
            }
        }
    }

    public TableDef table() {
        return table;
    }

    /** The key struct's schema, or null for a table without a usable key (its events have no key). */
    public Schema keySchema() {
        return keySchema;
    }

    /** The row struct's schema; optional, since {@code before} and {@code after} may be absent. */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** The converter of column {@code position} (0-based, in {@link TableDef#columns()} order). */
    public ColumnConverter converter(int position) {
        return converters.get(position);
    }

    /**
     * The select list that {@link #fromJdbc} expects, e.g. {@code `id`, CAST(`f` AS DOUBLE)}: the columns in table
     * order, each as its converter needs it selected.
     */
    public String selectList() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < converters.size(); i++) {
            if (i > 0) {
                list.append(", ");
            }
            list.append(converters.get(i).selectExpression(Identifiers.quote(table.columns().get(i).name())));
        }
        return list.toString();
    }

    /** The current row of a result set selected with {@link #selectList()}. */
    public Struct fromJdbc(ResultSet rs) throws SQLException {
        Struct row = new Struct(valueSchema);
        for (int i = 0; i < converters.size(); i++) {
            row.put(valueSchema.fields().get(i), converters.get(i).fromJdbc(rs, i + 1));
        }
        return row;
    }

    /** A full binlog row image (binlog_row_image=FULL), one cell per column in table order. */
    public Struct fromBinlog(Serializable[] cells) {
        if (cells.length != converters.size()) {
            throw new IllegalArgumentException(table.id() + ": binlog row has " + cells.length + " cells for "
                    + converters.size() + " columns; is binlog_row_image FULL, and is the table map current?");
        }
        Struct row = new Struct(valueSchema);
        for (int i = 0; i < cells.length; i++) {
            row.put(valueSchema.fields().get(i), converters.get(i).fromBinlog(cells[i]));
        }
        return row;
    }

    /** The key struct of a row struct; null for a table without key. */
    public Struct key(Struct row) {
        if (keySchema == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        for (int k = 0; k < keyPositions.length; k++) {
            key.put(keySchema.fields().get(k), row.get(valueSchema.fields().get(keyPositions[k])));
        }
        return key;
    }

    /** The key's values as JDBC parameters, in key column order, e.g. to bind a chunk boundary. */
    public Object[] keyToJdbc(Struct key) {
        Object[] values = new Object[keyPositions.length];
        for (int k = 0; k < keyPositions.length; k++) {
            Object value = key.get(keySchema.fields().get(k));
            values[k] = value == null ? null : converters.get(keyPositions[k]).toJdbc(value);
        }
        return values;
    }
}
