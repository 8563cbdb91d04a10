package io.ferry.source.event;

import io.ferry.source.binlog.EventContext;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The {@code source} block of every event: which connector and server, where in the binlog, and whether
 * it came from the snapshot. Field names and meanings follow Debezium's MySQL connector, so consumers that
 * read Debezium's {@code source} block read Ferry's.
 */
public final class SourceInfo {

    public static final String CONNECTOR = "ferry-mysql";

    /** Values of the {@code snapshot} field. */
    public static final String SNAPSHOT_TRUE = "true";
    public static final String SNAPSHOT_FALSE = "false";

    public static final Schema SCHEMA = SchemaBuilder.struct().name("io.ferry.source.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("server_id", Schema.INT64_SCHEMA)
            .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA)
            .field("row", Schema.INT32_SCHEMA)
            .field("thread", Schema.OPTIONAL_INT64_SCHEMA)
            .field("query", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private final String version;
    private final String name;

    /**
     * @param version Ferry's version
     * @param name    the logical server name ({@code topic.prefix})
     */
    public SourceInfo(String version, String name) {
        this.version = version;
        this.name = name;
    }

    /** The block for a change read from the binlog. */
    public Struct streamed(String db, String table, EventContext context) {
        return base(db, table, context.timestampMs(), SNAPSHOT_FALSE)
                .put("server_id", context.serverId())
                .put("gtid", context.gtid())
                .put("file", context.file())
                .put("pos", context.pos())
                .put("row", context.row())
                .put("thread", context.thread())
                .put("query", context.query());
    }

    /**
     * The block for a snapshot read: the row is as of {@code file:pos} (the chunk's high watermark) and was read
     * at {@code readMs}.
     */
    public Struct snapshot(String db, String table, long readMs, long serverId, String file, long pos) {
        return base(db, table, readMs, SNAPSHOT_TRUE)
                .put("server_id", serverId)
                .put("file", file)
                .put("pos", pos)
                .put("row", 0);
    }

    private Struct base(String db, String table, long tsMs, String snapshot) {
        return new Struct(SCHEMA)
                .put("version", version)
                .put("connector", CONNECTOR)
                .put("name", name)
                .put("ts_ms", tsMs)
                .put("snapshot", snapshot)
                .put("db", db)
                .put("table", table);
    }
}
