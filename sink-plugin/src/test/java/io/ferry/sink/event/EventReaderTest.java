package io.ferry.sink.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.TableId;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    @Test
    void readsARowChangeRoutedByTheEnvelopeSource() {
        RowChange change = ChangeEvents.change("u", ChangeEvents.row(1, "a"), ChangeEvents.row(2, "b"));
        assertThat(change.op()).isEqualTo(Operation.UPDATE);
        assertThat(change.table()).isEqualTo(new TableId("shop", "items"));
        assertThat(change.keyFields()).containsExactly("id");
        assertThat(change.keyBefore()).isNotEqualTo(change.keyAfter());
    }

    @Test
    void routesByTopicWhenAskedTo() {
        SinkRecord record = ChangeEvents.record("c", null, ChangeEvents.row(1, "a"));
        RowChange change = (RowChange) new EventReader(Pattern.compile("^(?:.*\\.)?([^.]+)\\.([^.]+)$")).read(
                record.newRecord("prefix.crm.people", 0, record.keySchema(), record.key(), record.valueSchema(),
                        record.value(), 0L));
        assertThat(change.table()).isEqualTo(new TableId("crm", "people"));
    }

    @Test
    void tombstonesAndHeartbeatsAreIgnoredAndDdlIsASchemaChange() {
        SinkRecord tombstone = new SinkRecord("t.shop.items", 0, null, null, null, null, 1);
        assertThat(new EventReader(null).read(tombstone)).isInstanceOf(Ignored.class);
        Schema heartbeat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
        assertThat(new EventReader(null).read(new SinkRecord("hb", 0, null, null, heartbeat,
                new Struct(heartbeat).put("ts_ms", 1L), 2))).isInstanceOf(Ignored.class);
        Schema ddl = SchemaBuilder.struct().field("databaseName", Schema.STRING_SCHEMA)
                .field("tableName", Schema.OPTIONAL_STRING_SCHEMA).field("ddl", Schema.STRING_SCHEMA).build();
        SinkEvent event = new EventReader(null).read(new SinkRecord("t", 0, null, null, ddl,
                new Struct(ddl).put("databaseName", "shop").put("tableName", "items").put("ddl", "ALTER TABLE items"),
                3));
        assertThat(event).isEqualTo(new SchemaChange(((SchemaChange) event).record(), "shop", "items",
                "ALTER TABLE items"));
    }

    @Test
    void anythingElseIsADataErrorNamingTheRecord() {
        Schema other = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        assertThatThrownBy(() -> new EventReader(null).read(new SinkRecord("t", 3, null, null, other,
                new Struct(other).put("x", 1), 42))).isInstanceOf(DataException.class).hasMessageContaining("t-3@42")
                .hasMessageContaining("[x]");
        assertThatThrownBy(() -> new EventReader(null).read(new SinkRecord("t", 0, null, null,
                Schema.STRING_SCHEMA, "text", 7))).isInstanceOf(DataException.class)
                .hasMessageContaining("schemas.enable=true");
        assertThatThrownBy(() -> ChangeEvents.change("u", null, ChangeEvents.row(1, "a")))
                .isInstanceOf(DataException.class).hasMessageContaining("before and after");
        assertThat(List.of(Operation.values())).extracting(Operation::code).containsExactly("r", "c", "u", "d", "t");
    }
}
