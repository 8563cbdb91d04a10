package io.ferry.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A key and value converter for a connector's topics; both write and read the same JSON with schemas. */
enum JsonConverterChoice {
    KAFKA("org.apache.kafka.connect.json.JsonConverter", "Kafka's JsonConverter"),
    STREAMING("io.ferry.json.StreamingJsonConverter", "Ferry's StreamingJsonConverter");

    private final String className;
    private final String label;

    JsonConverterChoice(String className, String label) {
        this.className = className;
        this.label = label;
    }

    /** Parses a comma-separated list such as "kafka,streaming". */
    static List<JsonConverterChoice> list(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).map(n -> {
            try {
                return valueOf(n.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown converter '" + n + "' (kafka or streaming)", e);
            }
        }).toList();
    }

    String label() {
        return label;
    }

    /** Puts the key and value converter settings into a connector config. */
    void putInto(Map<String, String> config) {
        for (String side : List.of("key.converter", "value.converter")) {
            config.put(side, className);
            config.put(side + ".schemas.enable", "true");
            config.put(side + ".replace.null.with.default", "false");
        }
    }
}
