package io.ferry.sink.event;

import io.ferry.common.TableId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads a consumed record as Ferry's or Debezium's change event. The envelope ({@code before}, {@code after},
 * {@code source}, {@code op}) is recognized by its fields, not its schema name, so topics renamed by SMTs and
 * Debezium's own topics work. Anything else is a {@link DataException} (retried, then failing or dead-lettered),
 * never skipped silently.
 */
public final class EventReader {

    private final Pattern topicRegex;

    /** @param topicRegex null to route by the envelope's source.db/source.table, else group 1 = db, 2 = table */
    public EventReader(Pattern topicRegex) {
        this.topicRegex = topicRegex;
    }

    public SinkEvent read(SinkRecord record) {
        if (record.value() == null) {
            return new Ignored(record, "tombstone");
        }
        if (!(record.value() instanceof Struct value)) {
            throw new DataException("Record " + coordinates(record) + " is not a change event: its value is a "
                    + record.value().getClass().getSimpleName() + ", expected a Struct (use a converter with"
                    + " schemas, e.g. JsonConverter with schemas.enable=true, or Avro)");
        }
        Schema schema = value.schema();
        if (schema.field("op") != null && schema.field("source") != null) {
            return rowChange(record, value);
        }
        if (schema.field("ddl") != null && schema.field("databaseName") != null) {
            return schemaChange(record, value);
        }
        if (schema.fields().size() == 1 && schema.field("ts_ms") != null) {
            return new Ignored(record, "heartbeat");
        }
        throw new DataException("Record " + coordinates(record) + " is neither a change event (before, after,"
                + " source, op) nor a schema change (databaseName, ddl); its value schema is " + schema.name()
                + " with fields " + schema.fields().stream().map(Field::name).toList());
    }

    private RowChange rowChange(SinkRecord record, Struct value) {
        Operation op = Operation.ofCode(value.getString("op"));
        Struct before = (Struct) value.getWithoutDefault("before");
        Struct after = (Struct) value.getWithoutDefault("after");
        switch (op) {
            case READ, CREATE -> require(after != null, record, "has no after image");
            case UPDATE -> require(after != null && before != null, record, "needs before and after images");
            case DELETE -> require(before != null, record, "has no before image");
            default -> { }
        }
        TableId table = table(record, value.getStruct("source"));
        List<String> keyFields = keyFields(record);
        return new RowChange(record, op, table, keyFields, before, after);
    }

    private SchemaChange schemaChange(SinkRecord record, Struct value) {
        String table = value.schema().field("tableName") != null ? value.getString("tableName") : null;
        if (table == null && value.schema().field("source") != null) {
            Struct source = value.getStruct("source");
            String tables = source.schema().field("table") != null ? source.getString("table") : null;
            table = tables == null || tables.contains(",") ? null : tables;
        }
        return new SchemaChange(record, value.getString("databaseName"), table, value.getString("ddl"));
    }

    private TableId table(SinkRecord record, Struct source) {
        if (topicRegex != null) {
            Matcher matcher = topicRegex.matcher(record.topic());
            if (!matcher.matches()) {
                throw new DataException("Topic " + record.topic() + " does not match table.routing.topic.regex "
                        + topicRegex.pattern());
            }
            return new TableId(matcher.group(1), matcher.group(2));
        }
        String db = source.getString("db");
        String table = source.getString("table");
        require(db != null && table != null, record, "has no source.db/source.table to route it by");
        return new TableId(db, table);
    }

    private static List<String> keyFields(SinkRecord record) {
        if (record.key() instanceof Struct key) {
            return key.schema().fields().stream().map(Field::name).toList();
        }
        return List.of();
    }

    private static void require(boolean condition, SinkRecord record, String problem) {
        if (!condition) {
            throw new DataException("Change event " + coordinates(record) + " " + problem);
        }
    }

    static String coordinates(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
