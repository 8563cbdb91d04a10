package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TableDefReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: plans a table's stripes, splits them into chunks and reads every chunk, as a task would. */
final class SnapshotWalk {

    final TableDef table;
    final List<KeyColumnCodec> codecs;
    final List<ChunkRange> stripes;
    final List<ChunkRange> chunks = new ArrayList<>();
    /** Per chunk, the rows its SELECT returned, in order. */
    final List<List<Object[]>> rowsByChunk = new ArrayList<>();

    private SnapshotWalk(TableDef table, List<ChunkRange> stripes) {
        this.table = table;
        this.codecs = table.keyKind() == KeyKind.NONE ? List.of() : KeyColumnCodec.jdbc(table);
        this.stripes = stripes;
    }

    static TableDef table(Connection connection, String database, String table) throws SQLException {
        return TableDefReader.read(connection, new TableId(database, table)).orElseThrow();
    }

    /** Plans up to {@code maxStripes} stripes and walks each in chunks of {@code chunkSize}. */
    static SnapshotWalk walk(Connection connection, TableDef table, int maxStripes, long minRowsPerStripe,
                             int chunkSize) throws SQLException {
        List<ChunkRange> stripes = new StripePlanner(connection, table,
                table.keyKind() == KeyKind.NONE ? List.of() : KeyColumnCodec.jdbc(table))
                .plan(maxStripes, minRowsPerStripe);
        SnapshotWalk walk = new SnapshotWalk(table, stripes);
        ChunkQuery query = new ChunkQuery(table, walk.codecs, 100);
        for (ChunkRange stripe : stripes) {
            try (ChunkSplitter splitter = new ChunkSplitter(connection, table, walk.codecs, stripe, chunkSize)) {
                for (Optional<ChunkRange> chunk = splitter.next(); chunk.isPresent(); chunk = splitter.next()) {
                    List<Object[]> rows = new ArrayList<>();
                    query.read(connection, chunk.get(), ChunkQuery.allColumns(table), rows::add);
                    walk.chunks.add(chunk.get());
                    walk.rowsByChunk.add(rows);
                }
                assertThat(splitter.hasNext()).isFalse();
            }
        }
        return walk;
    }

    /** The key of a row read by {@link ChunkQuery#allColumns}. */
    List<Object> key(Object[] row) {
        List<Object> key = new ArrayList<>();
        for (int position : table.keyPositions()) {
            key.add(row[position]);
        }
        return key;
    }

    /** Every key read, in the order the chunks were read. */
    List<List<Object>> keys() {
        List<List<Object>> keys = new ArrayList<>();
        for (List<Object[]> rows : rowsByChunk) {
            for (Object[] row : rows) {
                keys.add(key(row));
            }
        }
        return keys;
    }

    int rowCount() {
        return rowsByChunk.stream().mapToInt(List::size).sum();
    }

    /**
     * Checks the walk against {@code order}: stripes and chunks are contiguous and cover the key space, the
     * keys come out strictly increasing, and each row lies inside its own chunk and in no other.
     */
    void assertConsistentWith(KeyOrder order) {
        assertContiguous(stripes);
        assertContiguous(chunks);
        List<List<Object>> keys = keys();
        for (int i = 1; i < keys.size(); i++) {
            assertThat(order.compare(keys.get(i - 1), keys.get(i)))
                    .as("key %s read before %s", keys.get(i - 1), keys.get(i)).isNegative();
        }
        for (int c = 0; c < chunks.size(); c++) {
            for (Object[] row : rowsByChunk.get(c)) {
                List<Object> key = key(row);
                for (int other = 0; other < chunks.size(); other++) {
                    ChunkPosition expected = other == c ? ChunkPosition.INSIDE
                            : other < c ? ChunkPosition.AFTER : ChunkPosition.BEFORE;
                    assertThat(chunks.get(other).locate(key, order)).as("%s in chunk %s", key, chunks.get(other))
                            .isEqualTo(expected);
                }
            }
        }
    }

    static void assertContiguous(List<ChunkRange> ranges) {
        assertThat(ranges).isNotEmpty();
        assertThat(ranges.get(0).unboundedStart()).isTrue();
        assertThat(ranges.get(ranges.size() - 1).unboundedEnd()).isTrue();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ChunkRange.sameKey(ranges.get(i - 1).end(), ranges.get(i).start()))
                    .as("%s then %s", ranges.get(i - 1), ranges.get(i)).isTrue();
        }
    }
}
