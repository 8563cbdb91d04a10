package io.ferry.migrator.schema;

import io.ferry.common.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order in which views can be created: every view after the views it reads. MariaDB has no
 * {@code INFORMATION_SCHEMA.VIEW_TABLE_USAGE}, but both servers print a view's query with every table written as
 * {@code `db`.`name`}, so the dependencies are the {@code `db`.`name`} pairs of a definition that name another
 * selected view. A pair that only looks like one (an alias and a column that happen to spell a view) can add an
 * edge, never lose one; should that ever close a cycle, the views of the cycle follow in name order.
 */
final class ViewOrder {

    private ViewOrder() {
    }

    /** The views of {@code definitions} (view to its {@code SHOW CREATE VIEW} text) in creation order. */
    static List<TableId> sort(Map<TableId, String> definitions) {
        Map<TableId, Set<TableId>> dependsOn = new TreeMap<>();
        for (Map.Entry<TableId, String> view : definitions.entrySet()) {
            Set<TableId> used = new HashSet<>(references(view.getValue()));
            used.retainAll(definitions.keySet());
            used.remove(view.getKey());
            dependsOn.put(view.getKey(), used);
        }
        Map<TableId, Set<TableId>> readers = new HashMap<>();
        dependsOn.forEach((view, used) -> used.forEach(u -> readers.computeIfAbsent(u, k -> new HashSet<>())
                .add(view)));
        Map<TableId, Integer> pending = new HashMap<>();
        dependsOn.forEach((view, used) -> pending.put(view, used.size()));
        TreeSet<TableId> ready = new TreeSet<>();
        pending.forEach((view, count) -> {
            if (count == 0) {
                ready.add(view);
            }
        });
        List<TableId> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            TableId next = ready.pollFirst();
            order.add(next);
            for (TableId reader : readers.getOrDefault(next, Set.of())) {
                if (pending.merge(reader, -1, Integer::sum) == 0) {
                    ready.add(reader);
                }
            }
        }
        Set<TableId> rest = new LinkedHashSet<>(dependsOn.keySet());
        order.forEach(rest::remove);
        order.addAll(rest);
        return order;
    }

    /** Every {@code `db`.`name`} pair in a definition (a {@code `db`.`t`.`c`} column contributes its table). */
    static Set<TableId> references(String definition) {
        Set<TableId> tables = new LinkedHashSet<>();
        List<QuotedNames.Name> names = QuotedNames.positions(definition);
        int i = 0;
        while (i < names.size()) {
            // A chain of dot-joined names: `db`.`t`, `alias`.`c` or `db`.`t`.`c`; its first two may name a view.
            int end = i + 1;
            while (end < names.size() && definition.substring(names.get(end - 1).end(), names.get(end).start())
                    .strip().equals(".")) {
                end++;
            }
            if (end - i >= 2) {
                tables.add(new TableId(names.get(i).text(), names.get(i + 1).text()));
            }
            i = end;
        }
        return tables;
    }
}
