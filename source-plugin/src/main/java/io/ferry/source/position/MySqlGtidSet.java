package io.ferry.source.position;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A MySQL GTID set ({@code gtid_executed}, {@code gtid_purged}): for each source server uuid, and on MySQL 8.4
 * for each tag of it, the transaction numbers as merged intervals. Printed as MySQL prints it: uuids in order,
 * each with its untagged intervals first and then its tags in order, {@code uuid:1-5:7:tag:1-3}.
 */
public final class MySqlGtidSet implements GtidSet {

    private static final Pattern INTERVAL = Pattern.compile("\\d+(-\\d+)?");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}(-?[0-9a-f]{4}){3}-?[0-9a-f]{12}");
    private static final Pattern TAG = Pattern.compile("[a-z_][a-z0-9_]{0,31}");

    /** A source of transactions: a server uuid and a tag, "" for untagged GTIDs. Untagged sorts first. */
    record Source(String uuid, String tag) implements Comparable<Source> {
        @Override
        public int compareTo(Source o) {
            int byUuid = uuid.compareTo(o.uuid);
            return byUuid != 0 ? byUuid : tag.compareTo(o.tag);
        }
    }

    /** Transaction numbers {@code start..end}, both included. */
    record Interval(long start, long end) {
        @Override
        public String toString() {
            return start == end ? Long.toString(start) : start + "-" + end;
        }
    }

    private final Map<Source, List<Interval>> sets;
    private final String text;

    private MySqlGtidSet(Map<Source, List<Interval>> sets) {
        this.sets = Collections.unmodifiableMap(sets);
        this.text = format(sets);
    }

    static MySqlGtidSet parse(String text) {
        Map<Source, List<Interval>> sets = new TreeMap<>();
        for (String part : text.replaceAll("\\s", "").split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] segments = part.split(":");
            String uuid = uuid(segments[0], text);
            String tag = "";
            for (int i = 1; i < segments.length; i++) {
                String segment = segments[i];
                if (INTERVAL.matcher(segment).matches()) {
                    int dash = segment.indexOf('-');
                    long start = Long.parseLong(dash < 0 ? segment : segment.substring(0, dash));
                    long end = dash < 0 ? start : Long.parseLong(segment.substring(dash + 1));
                    if (start < 1 || end < start) {
                        throw new IllegalArgumentException("Bad GTID interval '" + segment + "' in '" + text + "'");
                    }
                    add(sets, new Source(uuid, tag), new Interval(start, end));
                } else {
                    tag = tag(segment, text);
                }
            }
        }
        return new MySqlGtidSet(sets);
    }

    @Override
    public MySqlGtidSet with(String gtid) {
        Map.Entry<Source, Interval> one = single(gtid);
        if (covers(one.getKey(), one.getValue())) {
            return this;
        }
        Map<Source, List<Interval>> next = new TreeMap<>(sets);
        add(next, one.getKey(), one.getValue());
        return new MySqlGtidSet(next);
    }

    @Override
    public boolean contains(String gtid) {
        Map.Entry<Source, Interval> one = single(gtid);
        return covers(one.getKey(), one.getValue());
    }

    /** A GTID {@code uuid:n} or {@code uuid:tag:n} as its source and one-transaction interval. */
    private static Map.Entry<Source, Interval> single(String gtid) {
        String[] segments = gtid.trim().split(":");
        if (segments.length < 2 || segments.length > 3 || !segments[segments.length - 1].matches("\\d+")) {
            throw new IllegalArgumentException("Not a MySQL GTID (uuid[:tag]:n): '" + gtid + "'");
        }
        Source source = new Source(uuid(segments[0], gtid), segments.length == 3 ? tag(segments[1], gtid) : "");
        long number = Long.parseLong(segments[segments.length - 1]);
        return Map.entry(source, new Interval(number, number));
    }

    @Override
    public boolean containsAll(GtidSet other) {
        if (!(other instanceof MySqlGtidSet mysql)) {
            throw new IllegalArgumentException("A MariaDB GTID position does not compare with a MySQL set: " + other);
        }
        return mysql.sets.entrySet().stream()
                .allMatch(e -> e.getValue().stream().allMatch(interval -> covers(e.getKey(), interval)));
    }

    private boolean covers(Source source, Interval interval) {
        // The intervals are merged, so a covered interval lies inside a single one of them.
        return sets.getOrDefault(source, List.of()).stream()
                .anyMatch(own -> own.start() <= interval.start() && interval.end() <= own.end());
    }

    @Override
    public boolean isEmpty() {
        return sets.isEmpty();
    }

    /** Adds an interval to a source's list, keeping it sorted and merging overlapping or adjacent intervals. */
    private static void add(Map<Source, List<Interval>> sets, Source source, Interval interval) {
        List<Interval> all = new ArrayList<>(sets.getOrDefault(source, List.of()));
        all.add(interval);
        all.sort((a, b) -> Long.compare(a.start(), b.start()));
        List<Interval> merged = new ArrayList<>(all.size());
        for (Interval next : all) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && next.start() <= last.end() + 1) {
                merged.set(merged.size() - 1, new Interval(last.start(), Math.max(last.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        sets.put(source, List.copyOf(merged));
    }

    private static String uuid(String text, String context) {
        String uuid = text.toLowerCase(Locale.ROOT);
        if (!UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("Not a server uuid: '" + text + "' in '" + context + "'");
        }
        return uuid;
    }

    private static String tag(String text, String context) {
        String tag = text.toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("Not a GTID tag: '" + text + "' in '" + context + "'");
        }
        return tag;
    }

    private static String format(Map<Source, List<Interval>> sets) {
        StringBuilder out = new StringBuilder();
        String uuid = null;
        for (Map.Entry<Source, List<Interval>> entry : sets.entrySet()) {
            Source source = entry.getKey();
            if (!source.uuid().equals(uuid)) {
                if (uuid != null) {
                    out.append(',');
                }
                out.append(source.uuid());
                uuid = source.uuid();
            }
            if (!source.tag().isEmpty()) {
                out.append(':').append(source.tag());
            }
            entry.getValue().forEach(interval -> out.append(':').append(interval));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MySqlGtidSet other && sets.equals(other.sets);
    }

    @Override
    public int hashCode() {
        return sets.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
