package io.ferry.source.position;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A MariaDB GTID position ({@code gtid_binlog_pos}, {@code @slave_connect_state}): the last GTID
 * {@code domain-server-seq} of each replication domain. Sequence numbers grow within a domain whichever
 * server wrote them, so a GTID is contained if its domain's last sequence number is at least its own.
 */
public final class MariaDbGtidPosition implements GtidSet {

    /** One MariaDB GTID. */
    record Gtid(long domain, long server, long seq) {
        static Gtid parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Not a MariaDB GTID (domain-server-seq): '" + text + "'");
            }
            try {
                return new Gtid(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a MariaDB GTID (domain-server-seq): '" + text + "'", e);
            }
        }

        @Override
        public String toString() {
            return domain + "-" + server + "-" + seq;
        }
    }

    private final Map<Long, Gtid> byDomain;
    private final String text;

    private MariaDbGtidPosition(Map<Long, Gtid> byDomain) {
        this.byDomain = Collections.unmodifiableMap(byDomain);
        this.text = byDomain.values().stream().map(Gtid::toString).collect(Collectors.joining(","));
    }

    static MariaDbGtidPosition parse(String text) {
        Map<Long, Gtid> byDomain = new TreeMap<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                Gtid gtid = Gtid.parse(part);
                // A binlog state lists one GTID per domain and server; the position keeps the newest per domain.
                byDomain.merge(gtid.domain(), gtid, (a, b) -> a.seq() >= b.seq() ? a : b);
            }
        }
        return new MariaDbGtidPosition(byDomain);
    }

    @Override
    public MariaDbGtidPosition with(String gtid) {
        Gtid added = Gtid.parse(gtid);
        Map<Long, Gtid> next = new TreeMap<>(byDomain);
        next.put(added.domain(), added);
        return new MariaDbGtidPosition(next);
    }

    @Override
    public boolean contains(String gtid) {
        return covers(Gtid.parse(gtid));
    }

    private boolean covers(Gtid gtid) {
        Gtid last = byDomain.get(gtid.domain());
        return last != null && last.seq() >= gtid.seq();
    }

    @Override
    public boolean containsAll(GtidSet other) {
        if (!(other instanceof MariaDbGtidPosition maria)) {
            throw new IllegalArgumentException("A MySQL GTID set does not compare with a MariaDB position: " + other);
        }
        return maria.byDomain.values().stream().allMatch(this::covers);
    }

    @Override
    public boolean isEmpty() {
        return byDomain.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MariaDbGtidPosition other && byDomain.equals(other.byDomain);
    }

    @Override
    public int hashCode() {
        return byDomain.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
