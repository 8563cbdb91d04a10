package io.ferry.source.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata.DefaultCharset;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table maps made by hand for what MariaDB cannot produce: MySQL's native JSON and typed geometry columns. */
class TableMapColumnTypesTest {

    private static final int JSON = 245;
    private static final int GEOMETRY = 255;
    private static final int VARCHAR = 15;

    private static TableMapEventData tableMap(byte[] types, int[] meta, TableMapEventMetadata metadata) {
        TableMapEventData event = new TableMapEventData();
        event.setDatabase("d");
        event.setTable("t");
        event.setColumnTypes(types);
        event.setColumnMetadata(meta);
        BitSet nullable = new BitSet();
        nullable.set(0, types.length);
        event.setColumnNullability(nullable);
        event.setEventMetadata(metadata);
        return event;
    }

    @Test
    void mysqlJsonHasNoCharsetAndGeometryKeepsItsSubtype() {
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(List.of("j", "p", "v"));
        metadata.setGeometryTypes(List.of(1));
        DefaultCharset charset = new DefaultCharset();
        charset.setDefaultCharsetCollation(255); // utf8mb4_0900_ai_ci
        charset.setCharsetCollations(Map.of());
        metadata.setDefaultCharset(charset);
        TableMapEventData event = tableMap(new byte[] {(byte) JSON, (byte) GEOMETRY, (byte) VARCHAR},
                new int[] {4, 4, 40}, metadata);

        TableDef table = BinlogTableDefs.fromTableMap(event, null);

        assertThat(table.columns()).extracting(ColumnDef::type).containsExactly(
                ColumnType.of("json", false), ColumnType.of("point", false),
                new ColumnType("varchar", false, 10, 0, 0, 0, "utf8mb4", List.of()));
        assertThat(table.keyKind()).isEqualTo(KeyKind.NONE);
    }

    @Test
    void aTableMapWithoutMetadataSaysHowToFixTheServer() {
        TableMapEventData event = tableMap(new byte[] {(byte) JSON}, new int[] {4}, null);
        assertThatThrownBy(() -> BinlogTableDefs.fromTableMap(event, null))
                .hasMessageContaining("binlog_row_metadata=FULL");
    }

    @Test
    void mysqlAndMariaDbUca1400CollationsResolveToTheirCharset() {
        assertThat(MySqlCharsets.charsetOfCollation(2048)).isEqualTo("utf8mb3"); // utf8mb3_uca1400_ai_ci
        assertThat(MySqlCharsets.charsetOfCollation(2107)).isEqualTo("utf8mb3"); // utf8mb3_uca1400_spanish_as_cs
        assertThat(MySqlCharsets.charsetOfCollation(45)).isEqualTo("utf8mb4");
        assertThat(MySqlCharsets.charsetOfCollation(8)).isEqualTo("latin1");
        assertThat(MySqlCharsets.charsetOfCollation(63)).isEqualTo("binary");
    }
}
