package io.ferry.sink.table;

import io.ferry.common.AvroNames;
import io.ferry.common.TableId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;

/**
 * The shape of a destination table the writer needs: its columns (looked up case-insensitively, as MySQL
 * does for column names), its primary key and its other unique keys (which can conflict transiently while a
 * batch is applied).
 *
 * @param uniqueKeys every unique index other than the primary key, by index name
 */
public record DestinationTable(TableId id, List<DestinationColumn> columns, List<String> primaryKey,
        Map<String, List<String>> uniqueKeys) {

    public DestinationTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = Map.copyOf(new LinkedHashMap<>(uniqueKeys));
    }

    /**
     * The column of a field name: the column so named, else the one column whose Avro-adjusted name it is (a
     * source with {@code field.name.adjustment.mode=avro} turns {@code price$} into {@code price_}); or null.
     */
    public DestinationColumn columnOfField(String fieldName) {
        DestinationColumn exact = column(fieldName);
        if (exact != null) {
            return exact;
        }
        DestinationColumn found = null;
        for (DestinationColumn column : columns) {
            if (AvroNames.adjust(column.name()).equalsIgnoreCase(fieldName)) {
                if (found != null) {
                    throw new DataException("Destination table " + id + " has columns " + found.name()
                            + " and " + column.name() + " that both match the Avro-adjusted field " + fieldName
                            + ": map the field with mapping.rules");
                }
                found = column;
            }
        }
        return found;
    }

    /** The column with this name (MySQL column names are case-insensitive), or null. */
    public DestinationColumn column(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (DestinationColumn column : columns) {
            if (column.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return column;
            }
        }
        return null;
    }

    /** The columns of the unique index named in a duplicate-key error, or null if the name is not a unique key. */
    public List<String> uniqueKey(String indexName) {
        if ("PRIMARY".equalsIgnoreCase(indexName)) {
            return primaryKey;
        }
        return uniqueKeys.get(indexName);
    }
}
