package io.ferry.source.event;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.ferry.source.schema.TableDef;

/** Where the phases get a table's {@link RowCodec}: from a table definition (snapshot) or a table map (stream). */
public interface RowCodecs {

    RowCodec forTable(TableDef table);

    /** The codec for the columns a binlog table map describes; the same map yields the same codec. */
    RowCodec forTableMap(TableMapEventData tableMap);
}
