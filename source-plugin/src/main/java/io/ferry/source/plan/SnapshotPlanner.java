package io.ferry.source.plan;

import io.ferry.common.TableId;
import io.ferry.source.position.SourcePartitions;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TableDefReader;
import io.ferry.source.snapshot.ChunkRange;
import io.ferry.source.snapshot.KeyColumnCodec;
import io.ferry.source.snapshot.StripePlanner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a snapshot on the connector: which tables, and how each is cut into stripes for parallel reading.
 * A table whose stripes already stored progress keeps the boundaries it had (they are in every stripe's
 * offset), so restarting the connector, or changing {@code tasks.max}, never re-cuts a table mid-snapshot.
 */
public final class SnapshotPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPlanner.class);

    /** Most stripes per table; also how many stripe offsets are probed for a table on restart. */
    public static final int MAX_STRIPES = 64;

    private final String server;
    private final Predicate<TableId> filter;
    private final OffsetStorageReader offsets;
    private final Function<TableDef, List<KeyColumnCodec>> keyCodecs;
    private final int epoch;

    /** @param epoch the snapshot to plan: 0 the first, one more for each snapshot taken again */
    public SnapshotPlanner(String server, Predicate<TableId> filter, OffsetStorageReader offsets,
                           Function<TableDef, List<KeyColumnCodec>> keyCodecs, int epoch) {
        this.server = server;
        this.epoch = epoch;
        this.filter = filter;
        this.offsets = offsets;
        this.keyCodecs = keyCodecs;
    }

    /** Every stripe of every selected table, tables in name order. */
    public List<Stripe> plan(Connection connection, int parallelism, int chunkSize) throws SQLException {
        List<Stripe> stripes = new ArrayList<>();
        for (TableId table : selectedTables(connection)) {
            Optional<TableDef> def = TableDefReader.read(connection, table);
            if (def.isEmpty()) {
                continue;
            }
            List<Stripe> stored = storedStripes(table);
            if (!stored.isEmpty()) {
                stripes.addAll(stored);
                continue;
            }
            if (def.get().keyKind() == KeyKind.NONE) {
                LOG.warn("{} has no primary key and no unique NOT NULL key: it is read whole in one chunk (held in"
                        + " memory; where the server offers no consistent snapshot position it is re-read until it"
                        + " does not change during the read), and its changes are matched by full row downstream."
                        + " Add a primary key to snapshot it in parallel chunks", table);
            }
            List<ChunkRange> ranges = new StripePlanner(connection, def.get(), keyCodecs.apply(def.get()))
                    .plan(Math.min(parallelism, MAX_STRIPES), Math.max(1, chunkSize));
            for (int i = 0; i < ranges.size(); i++) {
                stripes.add(new Stripe(table, i, ranges.size(), ranges.get(i), epoch));
            }
        }
        return stripes;
    }

    /** Only the stripes that stored progress, of every selected table: what a finished snapshot delivered. */
    public List<Stripe> stored(Connection connection) throws SQLException {
        List<Stripe> stripes = new ArrayList<>();
        for (TableId table : selectedTables(connection)) {
            stripes.addAll(storedStripes(table));
        }
        return stripes;
    }

    /**
     * The stripes a table stored progress for. A stripe with no stored progress lies between stored ones (or
     * at an end); a run of such stripes is re-created as one stripe covering the gap.
     */
    List<Stripe> storedStripes(TableId table) {
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int i = 0; i < MAX_STRIPES; i++) {
            partitions.add(SourcePartitions.stripe(server, table, i, epoch));
        }
        Map<Integer, StripeProgress> stored = new TreeMap<>();
        offsets.offsets(partitions).forEach((partition, offset) -> {
            if (offset != null) {
                stored.put(((Number) partition.get(SourcePartitions.STRIPE)).intValue(),
                        StripeProgress.fromOffset(offset));
            }
        });
        if (stored.isEmpty()) {
            return List.of();
        }
        int count = stored.values().iterator().next().stripes();
        List<Stripe> stripes = new ArrayList<>();
        int i = 0;
        while (i < count) {
            StripeProgress known = stored.get(i);
            if (known != null) {
                stripes.add(new Stripe(table, i, count, known.range(), epoch));
                i++;
                continue;
            }
            int gapStart = i;
            while (i < count && !stored.containsKey(i)) {
                i++;
            }
            List<Object> from = gapStart == 0 ? null : stored.get(gapStart - 1).range().end();
            List<Object> to = i == count ? null : stored.get(i).range().start();
            stripes.add(new Stripe(table, gapStart, count, ChunkRange.of(from, to), epoch));
        }
        return stripes;
    }

    private List<TableId> selectedTables(Connection connection) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                     + " WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
            while (rs.next()) {
                TableId table = new TableId(rs.getString(1), rs.getString(2));
                if (filter.test(table)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }
}
