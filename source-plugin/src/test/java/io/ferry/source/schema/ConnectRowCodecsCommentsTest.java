package io.ferry.source.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata.DefaultCharset;
import io.ferry.common.ColumnFilter;
import io.ferry.common.TableId;
import io.ferry.source.event.RowCodec;
import io.ferry.source.schema.convert.FieldNameAdjustment;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

/**
 * {@code include.schema.comments}: a column's COMMENT from information_schema becomes its field schema's doc,
 * the same in the snapshot's schema and the stream's (whose table map carries no comments); the table's COMMENT
 * becomes the row struct's doc.
 */
class ConnectRowCodecsCommentsTest {

    private static final int LONG = 3;
    private static final int VARCHAR = 15;
    private static final TableId ID = new TableId("d", "t");
    private static final TableDef KNOWN = new TableDef(ID, List.of(
            new ColumnDef("id", ColumnType.of("int", false), false, ColumnDefault.NONE, "Order number"),
            new ColumnDef("note", new ColumnType("varchar", false, 10, 0, 0, 0, "utf8mb4", List.of()), true,
                    ColumnDefault.literal("none"), "Free text, shown to the customer"),
            new ColumnDef("plain", ColumnType.of("int", false), true, ColumnDefault.NONE, "")),
            List.of("id"), KeyKind.PRIMARY, "Customer orders");
    private static final String RECORD_DOC = "io.confluent.connect.avro.record.doc";

    /** What information_schema answers now; a test changes it to stand for a DDL. */
    private TableDef catalog = KNOWN;

    @Test
    void commentsBecomeFieldDocsAlikeInSnapshotAndStream() {
        ConnectRowCodecs codecs = codecs(true);
        RowCodec snapshot = codecs.forTable(KNOWN);
        RowCodec stream = codecs.forTableMap(tableMap());

        Schema row = snapshot.rowSchema();
        assertThat(row.field("id").schema().doc()).isEqualTo("Order number");
        assertThat(row.field("note").schema().doc()).isEqualTo("Free text, shown to the customer");
        assertThat(row.field("note").schema().defaultValue()).isEqualTo("none");
        assertThat(row.field("plain").schema().doc()).as("an empty COMMENT is no doc").isNull();
        assertThat(snapshot.keySchema().field("id").schema().doc()).isEqualTo("Order number");
        assertThat(stream.rowSchema()).isEqualTo(row);
        assertThat(stream.keySchema()).isEqualTo(snapshot.keySchema());
    }

    @Test
    void theTableCommentIsTheRowDocAndAvroRecordDocAlikeInSnapshotAndStream() {
        ConnectRowCodecs codecs = codecs(true);
        Schema row = codecs.forTable(KNOWN).rowSchema();
        assertThat(row.doc()).isEqualTo("Customer orders");
        assertThat(row.parameters()).containsEntry(RECORD_DOC, "Customer orders");
        assertThat(codecs.forTableMap(tableMap()).rowSchema()).isEqualTo(row);
        assertThat(codecs.forTable(KNOWN).keySchema().doc()).as("the key is no record of the table").isNull();
    }

    @Test
    void aChangedTableCommentReachesTheStreamAfterDdl() {
        ConnectRowCodecs codecs = codecs(true);
        assertThat(codecs.forTableMap(tableMap()).rowSchema().doc()).isEqualTo("Customer orders");
        catalog = KNOWN.withComment("Orders, archived yearly");
        assertThat(codecs.forTableMap(tableMap()).rowSchema().doc()).as("same layout, not re-read yet")
                .isEqualTo("Customer orders");
        codecs.tableChanged(ID);
        Schema row = codecs.forTableMap(tableMap()).rowSchema();
        assertThat(row.doc()).isEqualTo("Orders, archived yearly");
        assertThat(row.parameters()).containsEntry(RECORD_DOC, "Orders, archived yearly");
    }

    @Test
    void withoutTheOptionFieldsHaveNoDoc() {
        ConnectRowCodecs codecs = codecs(false);
        Schema snapshot = codecs.forTable(KNOWN).rowSchema();
        assertThat(snapshot.fields()).allSatisfy(field -> assertThat(field.schema().doc()).isNull());
        assertThat(snapshot.doc()).isNull();
        assertThat(snapshot.parameters() == null ? Map.of() : snapshot.parameters()).doesNotContainKey(RECORD_DOC);
        assertThat(snapshot.field("note").schema().defaultValue()).isEqualTo("none");
        assertThat(codecs.forTableMap(tableMap()).rowSchema()).isEqualTo(snapshot);
    }

    private ConnectRowCodecs codecs(boolean comments) {
        return new ConnectRowCodecs("p", FieldNameAdjustment.NONE, new ColumnFilter(List.of()), ColumnDefaultsMode.ALL,
                comments, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS,
                id -> id.equals(ID) ? Optional.of(catalog) : Optional.empty());
    }

    private static TableMapEventData tableMap() {
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(List.of("id", "note", "plain"));
        metadata.setSimplePrimaryKeys(List.of(0));
        DefaultCharset charset = new DefaultCharset();
        charset.setDefaultCharsetCollation(45); // utf8mb4_general_ci
        charset.setCharsetCollations(Map.of());
        metadata.setDefaultCharset(charset);
        metadata.setSignedness(new BitSet());
        TableMapEventData event = new TableMapEventData();
        event.setTableId(7);
        event.setDatabase(ID.database());
        event.setTable(ID.table());
        event.setColumnTypes(new byte[] {(byte) LONG, (byte) VARCHAR, (byte) LONG});
        event.setColumnMetadata(new int[] {0, 40, 0});
        BitSet nullable = new BitSet();
        nullable.set(1, 3);
        event.setColumnNullability(nullable);
        event.setEventMetadata(metadata);
        return event;
    }
}
