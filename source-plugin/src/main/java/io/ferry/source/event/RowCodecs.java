package io.ferry.source.event;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.ferry.common.TableId;
import io.ferry.source.schema.TableDef;

/** Where the phases get a table's {@link RowCodec}: from a table definition (snapshot) or a table map (stream). */
public interface RowCodecs {

    RowCodec forTable(TableDef table);

    /** The codec for the columns a binlog table map describes; the same map yields the same codec. */
    RowCodec forTableMap(TableMapEventData tableMap);

    /**
     * A DDL statement on {@code table} passed in the stream: its next table map must be read afresh, with what
     * the binlog does not carry (column defaults, a unique key, MariaDB's JSON) looked up again.
     */
    default void tableChanged(TableId table) {
    }
}
