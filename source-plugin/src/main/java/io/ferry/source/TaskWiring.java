package io.ferry.source;

import io.ferry.source.binlog.BinlogConnection;
import io.ferry.source.event.ChangeRecords;
import io.ferry.source.event.RowCodecs;
import io.ferry.source.event.SourceInfo;
import io.ferry.source.metrics.SourceTaskMetrics;
import io.ferry.common.FerryVersion;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.schema.KeyCodecs;
import io.ferry.source.schema.binlog.BinlogDeserialization;
import io.ferry.source.snapshot.SnapshotPhase;
import io.ferry.source.snapshot.StripeContext;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Builds a task's phases from its config: connection settings, server ids and sizes in one place. */
final class TaskWiring {

    private final MySqlSourceConfig config;
    private final boolean mariaDb;
    private final Clock clock;

    TaskWiring(MySqlSourceConfig config, boolean mariaDb, Clock clock) {
        this.config = config;
        this.mariaDb = mariaDb;
        this.clock = clock;
    }

    /** A replication connection with {@code serverId}; the stream uses the configured id, snapshot task i id+1+i. */
    BinlogConnection binlog(long serverId) {
        return new BinlogConnection(config.hostname(), config.port(), config.user(), config.password().value(),
                serverId, mariaDb, config.connectTimeoutMs(), Math.max(1000, config.pollIntervalMs()), config.tls());
    }

    SnapshotPhase snapshot(int index, List<Stripe> stripes, Connection connection, Connection orderConnection,
                           ServerPositions positions, RowCodecs codecs, ChangeRecords records,
                           OffsetStorageReader offsets, SourceTaskMetrics metrics,
                           Map<Stripe, StripeProgress> resume) {
        long serverId = config.serverId() + 1 + index;
        StripeContext context = new StripeContext(config.topicPrefix(), connection, orderConnection, positions,
                records, new SourceInfo(FerryVersion.get(), config.topicPrefix()), serverId, config.chunkSize(),
                config.fetchSize(), metrics, clock);
        return new SnapshotPhase(context, stripes, offsets, codecs,
                table -> KeyCodecs.forTable(table, config.timePrecisionMode()), binlog(serverId),
                BinlogDeserialization::newEventDeserializer, config.maxQueueSize(), resume);
    }
}
