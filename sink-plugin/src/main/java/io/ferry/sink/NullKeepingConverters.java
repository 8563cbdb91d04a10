package io.ferry.sink;

import io.ferry.sink.event.RowChange;
import io.ferry.json.StreamingJsonConverter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the record converters keep a null value a null. Connect's JSON converter, unless
 * {@code replace.null.with.default=false}, writes a field's default in place of a null value and reads a JSON null
 * back as the default. Debezium puts the DEFAULTs of nullable columns into the field schemas (Ferry's source only
 * with {@code column.defaults=all}), so such a NULL would reach the destination as the column's DEFAULT, and the
 * sink, which sees only the converted value, cannot tell. The sink sees the converter settings only where the
 * connector config names the converter class: then Connect configures the converter from the connector config's
 * {@code key.converter.*} and {@code value.converter.*} keys alone; otherwise the worker's converter applies, and
 * a task warns once per row schema that has nullable fields with defaults.
 */
final class NullKeepingConverters {

    static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    /** Ferry's faster reader and writer of the same format: a JsonConverter, with the same keys and defaults. */
    static final String STREAMING_JSON_CONVERTER = StreamingJsonConverter.class.getName();
    static final String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    /** The reference text of the converter keys the sink checks (in {@code docs/sink-config.md}). */
    static final String DOC = "`key.converter.replace.null.with.default`, `value.converter.replace.null.with.default`"
            + " (Kafka Connect's keys, set to `false` with `key.converter` and `value.converter` ="
            + " `" + JSON_CONVERTER + "` (or `" + STREAMING_JSON_CONVERTER + "`, its faster drop-in, shipped in both"
            + " plugins)"
            + " and `*.converter.schemas.enable=true`, on this"
            + " connector and on the source connector): Connect's JSON converter otherwise writes a field's default in"
            + " place of a null value and reads a JSON null back as the default, so a NULL in a nullable column with a"
            + " DEFAULT reaches the destination as the DEFAULT wherever the topic's field schemas carry defaults"
            + " (Debezium's always do, Ferry's source with `column.defaults=all`). The sink itself reads null values as"
            + " null. Validation rejects a JSON converter named in this config without the override; a converter left"
            + " to the worker cannot be checked, and a task then logs a warning once per row schema that has nullable"
            + " fields with defaults.";
    private static final List<String> CONVERTERS = List.of("key.converter", "value.converter");
    private static final Logger LOG = LoggerFactory.getLogger(NullKeepingConverters.class);

    private final boolean known;
    private final Set<Schema> checked = new HashSet<>();

    private NullKeepingConverters(boolean known) {
        this.known = known;
    }

    /** The warning state of one task with this connector config. */
    static NullKeepingConverters of(Map<String, String> props) {
        return new NullKeepingConverters(known(props));
    }

    /**
     * For each of {@code key.converter} and {@code value.converter} that the connector config names as the JSON
     * converter without {@code replace.null.with.default=false}: the key to set, with what to set it to and why.
     */
    static Map<String, String> problems(Map<String, String> props) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String converter : CONVERTERS) {
            String key = converter + "." + REPLACE_NULL_WITH_DEFAULT;
            if (isJson(props.get(converter)) && !isFalse(props.get(key))) {
                problems.put(key, key + " must be false: with " + converter + "=" + props.get(converter).trim()
                        + " it defaults to true, and a NULL in a nullable column with a DEFAULT would reach the"
                        + " destination as the DEFAULT wherever the topic's field schemas carry defaults (Debezium's"
                        + " always do, Ferry's with column.defaults=all)");
            }
        }
        return problems;
    }

    /** True if the config names both converters as the JSON converter with {@code replace.null.with.default=false}. */
    static boolean known(Map<String, String> props) {
        return CONVERTERS.stream().allMatch(converter -> isJson(props.get(converter))
                && isFalse(props.get(converter + "." + REPLACE_NULL_WITH_DEFAULT)));
    }

    /** The optional fields of a row schema that carry a default, comma-separated, or "" if none does. */
    static String nullableFieldsWithDefaults(Schema row) {
        return row.fields().stream()
                .filter(f -> f.schema().isOptional() && f.schema().defaultValue() != null)
                .map(Field::name).collect(Collectors.joining(", "));
    }

    /**
     * Warns, once per row schema, when the change's row has nullable fields with defaults and the converters are
     * not known to keep nulls: their NULLs may have arrived as the defaults. Returns the warning, or null.
     */
    String check(RowChange change) {
        Struct row = change.after() != null ? change.after() : change.before();
        if (known || row == null || !checked.add(row.schema())) {
            return null;
        }
        String fields = nullableFieldsWithDefaults(row.schema());
        if (fields.isEmpty()) {
            return null;
        }
        String warning = "Nullable fields " + fields + " of " + change.table() + " carry defaults in their schema:"
                + " unless the converters keep nulls, a NULL in them arrives as the DEFAULT. This connector's config"
                + " does not name both converters, so Ferry cannot check: set key.converter and value.converter="
                + JSON_CONVERTER + " with key.converter." + REPLACE_NULL_WITH_DEFAULT + "=false and value.converter."
                + REPLACE_NULL_WITH_DEFAULT + "=false (on the source connector too)";
        LOG.warn(warning);
        return warning;
    }

    private static boolean isJson(String converter) {
        return converter != null
                && (JSON_CONVERTER.equals(converter.trim()) || STREAMING_JSON_CONVERTER.equals(converter.trim()));
    }

    private static boolean isFalse(String value) {
        return value != null && "false".equalsIgnoreCase(value.trim());
    }
}
