package io.ferry.source.event;

import io.ferry.source.schema.TableDef;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * One table's rows as Connect data: the key and row schemas, and the conversion of a row read by either
 * path (binlog or JDBC) into the same struct. Both paths must agree exactly, since a table's snapshot rows
 * and streamed rows go to the same topic.
 */
public interface RowCodec {

    TableDef table();

    /** The key struct's schema, or null for a table without a usable key (its records have no key). */
    Schema keySchema();

    /** The row struct's schema (optional, as {@code before}/{@code after} are absent for inserts/deletes). */
    Schema rowSchema();

    /** A row from a binlog row image, with raw values as the binlog library decoded them. */
    Struct fromBinlog(Serializable[] raw);

    /** The select list that {@link #fromJdbc} reads: every column in table order, some cast for exactness. */
    String selectList();

    /** The current row of {@code rs}, selected with {@link #selectList()}. */
    Struct fromJdbc(ResultSet rs) throws SQLException;

    /** The key struct of a row, or null without a key. */
    Struct key(Struct row);

    /** The key's values in key-column order, as compared for chunk ranges; empty without a key. */
    List<Object> keyValues(Struct row);
}
