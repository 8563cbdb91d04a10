package io.ferry.source.schema.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/** The binlog client's write-rows decoding with Ferry's lossless temporal cells ({@link TemporalCells}). */
final class FerryWriteRowsDeserializer extends WriteRowsEventDataDeserializer {

    FerryWriteRowsDeserializer(Map<Long, TableMapEventData> tableMaps) {
        super(tableMaps);
    }

    @Override
    protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
        return TemporalCells.date(in);
    }

    @Override
    protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
        return TemporalCells.datetimeV1(in);
    }

    @Override
    protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
        return TemporalCells.datetimeV2(meta, in);
    }

    @Override
    protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
        return TemporalCells.timestampV1(in);
    }

    @Override
    protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
        return TemporalCells.timestampV2(meta, in);
    }

    @Override
    protected Serializable deserializeTime(ByteArrayInputStream in) throws IOException {
        return TemporalCells.timeV1(in);
    }

    @Override
    protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
        return TemporalCells.timeV2(meta, in);
    }

    @Override
    protected Serializable deserializeYear(ByteArrayInputStream in) throws IOException {
        return TemporalCells.year(in);
    }
}
