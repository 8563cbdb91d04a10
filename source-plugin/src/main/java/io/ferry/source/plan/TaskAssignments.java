package io.ferry.source.plan;

import io.ferry.common.TableId;
import io.ferry.source.snapshot.ChunkRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the stripes assigned to a task into its config, and reads them back in the task. Task 0 also gets
 * the list of every stripe of the snapshot, whose completion it waits for before streaming.
 */
public final class TaskAssignments {

    static final String STRIPE = "ferry.stripe.";
    static final String ALL = "ferry.all.";
    private static final String COUNT = "count";

    private TaskAssignments() {
    }

    /** Stripes dealt round-robin, in table order, so each task gets a share of every large table. */
    public static List<List<Stripe>> deal(List<Stripe> stripes, int tasks) {
        List<List<Stripe>> dealt = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < stripes.size(); i++) {
            dealt.get(i % tasks).add(stripes.get(i));
        }
        return dealt;
    }

    public static void writeAssigned(Map<String, String> taskConfig, List<Stripe> stripes) {
        write(taskConfig, STRIPE, stripes);
    }

    public static void writeAll(Map<String, String> taskConfig, List<Stripe> stripes) {
        write(taskConfig, ALL, stripes);
    }

    public static List<Stripe> readAssigned(Map<String, String> taskConfig) {
        return read(taskConfig, STRIPE);
    }

    public static List<Stripe> readAll(Map<String, String> taskConfig) {
        return read(taskConfig, ALL);
    }

    private static void write(Map<String, String> config, String prefix, List<Stripe> stripes) {
        config.put(prefix + COUNT, String.valueOf(stripes.size()));
        for (int i = 0; i < stripes.size(); i++) {
            Stripe stripe = stripes.get(i);
            Map<String, Object> fields = new LinkedHashMap<>(stripe.range().toOffset("range."));
            fields.put("table", stripe.table().toString());
            fields.put("index", (long) stripe.index());
            fields.put("stripes", (long) stripe.stripes());
            fields.put("epoch", (long) stripe.epoch());
            FlatMaps.write(config, prefix + i + ".", fields);
        }
    }

    private static List<Stripe> read(Map<String, String> config, String prefix) {
        int count = Integer.parseInt(config.getOrDefault(prefix + COUNT, "0"));
        List<Stripe> stripes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> fields = FlatMaps.read(config, prefix + i + ".");
            stripes.add(new Stripe(TableId.parse((String) fields.get("table")),
                    ((Number) fields.get("index")).intValue(), ((Number) fields.get("stripes")).intValue(),
                    ChunkRange.fromOffset(fields, "range."), ((Number) fields.get("epoch")).intValue()));
        }
        return stripes;
    }
}
