package io.ferry.testkit.connect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;

/** Reads the workers' answer to a config validation request. */
public final class Validation {

    private Validation() {
    }

    /** Each key that has errors, with its error messages, in the order the connector defines its keys. */
    public static Map<String, List<String>> errorsByKey(ConfigInfos infos) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConfigInfo info : infos.configs()) {
            List<String> messages = info.configValue().errors();
            if (!messages.isEmpty()) {
                errors.put(info.configValue().name(), messages);
            }
        }
        return errors;
    }
}
