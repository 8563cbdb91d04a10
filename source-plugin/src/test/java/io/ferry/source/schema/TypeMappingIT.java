package io.ferry.source.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import io.ferry.source.schema.convert.FieldNameAdjustment;
import io.ferry.source.schema.convert.RowSchema;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every column type read through both paths of a real server: JDBC (snapshot) and the binlog (stream). Both
 * must give the same schema and values, and those must be Debezium's representation written down in
 * {@link AllTypesTable} and {@link ExpectedSchemas}.
 */
class TypeMappingIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    private static final TableId TABLE = new TableId(AllTypesTable.DATABASE, AllTypesTable.TABLE);

    private static TableDef fromInformationSchema;
    private static BinlogCapture.Captured binlog;

    @BeforeAll
    static void writeRowsAndReadTheBinlog() throws Exception {
        SOURCE.createDatabase(AllTypesTable.DATABASE);
        SOURCE.execute(AllTypesTable.DDL);
        String[] position = BinlogCapture.currentPosition(SOURCE);
        SOURCE.execute(AllTypesTable.INSERTS.toArray(String[]::new));
        try (Connection connection = SOURCE.connect()) {
            fromInformationSchema = TableDefReader.read(connection, TABLE).orElseThrow();
        }
        binlog = BinlogCapture.read(SOURCE, position, TABLE, AllTypesTable.ROWS);
    }

    @Test
    void tableMapAndInformationSchemaGiveEqualDefinitions() {
        TableDef fromTableMap = BinlogTableDefs.fromTableMap(binlog.tableMap(), fromInformationSchema);
        assertThat(fromTableMap.columns()).containsExactlyElementsOf(fromInformationSchema.columns());
        assertThat(fromTableMap).isEqualTo(fromInformationSchema);
    }

    @Test
    void withoutAPreviousDefinitionMariaDbJsonLooksLikeLongText() {
        TableDef fromTableMap = BinlogTableDefs.fromTableMap(binlog.tableMap(), null);
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < fromTableMap.columns().size(); i++) {
            // Defaults are not in table maps at all: without a definition, every column has none.
            assertThat(fromTableMap.columns().get(i).defaultValue()).isEqualTo(ColumnDefault.NONE);
            ColumnDef known = fromInformationSchema.columns().get(i);
            if (!fromTableMap.columns().get(i).equals(
                    new ColumnDef(known.name(), known.type(), known.optional()))) {
                differing.add(fromTableMap.columns().get(i).name() + ":"
                        + fromTableMap.columns().get(i).type().dataType());
            }
        }
        boolean mariaDb = SOURCE.version().contains("MariaDB");
        assertThat(differing).isEqualTo(mariaDb ? List.of("c_json:longtext") : List.of());
    }

    @Test
    void schemasOfBothPathsAreEqualAndDebeziums() {
        RowSchema snapshot = RowSchema.of(fromInformationSchema, "ferry");
        RowSchema stream = RowSchema.of(BinlogTableDefs.fromTableMap(binlog.tableMap(), fromInformationSchema),
                "ferry");
        assertThat(stream.valueSchema()).isEqualTo(snapshot.valueSchema());
        assertThat(stream.keySchema()).isEqualTo(snapshot.keySchema());
        assertThat(snapshot.valueSchema().name()).isEqualTo("ferry.types.all_types.Value");
        assertThat(snapshot.keySchema().name()).isEqualTo("ferry.types.all_types.Key");
        assertThat(snapshot.keySchema().fields()).extracting(Field::name).containsExactly("id");
        for (Field field : snapshot.valueSchema().fields()) {
            ExpectedSchemas.assertField(field);
        }
    }

    @Test
    void valuesOfBothPathsAreEqualAndDebeziums() throws Exception {
        RowSchema schema = RowSchema.of(fromInformationSchema, "ferry");
        List<Struct> jdbcRows = readWithJdbc(schema, SOURCE.jdbcUrl());
        List<Struct> binlogRows = new ArrayList<>();
        for (Serializable[] cells : binlog.rows()) {
            binlogRows.add(schema.fromBinlog(cells));
        }
        binlogRows.sort(Comparator.comparing(row -> row.getInt32("id")));
        assertThat(jdbcRows).hasSize(AllTypesTable.ROWS);
        assertThat(binlogRows).hasSize(AllTypesTable.ROWS);
        for (int r = 0; r < AllTypesTable.ROWS; r++) {
            Struct jdbc = jdbcRows.get(r);
            Struct stream = binlogRows.get(r);
            Map<String, Object> expected = AllTypesTable.expected(r + 1);
            for (Field field : schema.valueSchema().fields()) {
                String where = "row " + (r + 1) + " field " + field.name();
                assertThat(stream.get(field)).as(where + " (binlog vs JDBC)").isEqualTo(jdbc.get(field));
                assertExpected(where, field, expected.get(field.name()), jdbc.get(field));
                assertExpected(where + " (binlog)", field, expected.get(field.name()), stream.get(field));
            }
            jdbc.validate();
            stream.validate();
            assertThat(stream).isEqualTo(jdbc);
        }
    }

    /**
     * {@code time.precision.mode=connect} on the same rows: each cell converts to the same value on both paths, or
     * fails on both (a TIME outside a day); microseconds are truncated alike.
     */
    @Test
    void connectTimePrecisionAgreesOnBothPathsCellByCell() throws Exception {
        RowSchema schema = RowSchema.of(fromInformationSchema, "ferry", FieldNameAdjustment.NONE,
                TimePrecisionMode.CONNECT);
        // The temporal columns only: other values (byte arrays) do not compare by equals inside a list.
        int[] temporal = java.util.stream.IntStream.range(0, fromInformationSchema.columns().size())
                .filter(i -> List.of("date", "datetime", "time", "timestamp", "year")
                        .contains(fromInformationSchema.columns().get(i).type().dataType())).toArray();
        Map<Integer, List<Object>> jdbc = new TreeMap<>();
        String sql = "SELECT " + schema.selectList() + " FROM " + Identifiers.quote(TABLE.database()) + "."
                + Identifiers.quote(TABLE.table()) + " ORDER BY id";
        try (Connection connection = SOURCE.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    List<Object> cells = new ArrayList<>();
                    for (int column : temporal) {
                        cells.add(orFailure(() -> schema.converter(column).fromJdbc(rs, column + 1)));
                    }
                    jdbc.put(rs.getInt("id"), cells);
                }
            }
        }
        Map<Integer, List<Object>> stream = new TreeMap<>();
        for (Serializable[] row : binlog.rows()) {
            List<Object> cells = new ArrayList<>();
            for (int column : temporal) {
                cells.add(orFailure(() -> schema.converter(column).fromBinlog(row[column])));
            }
            stream.put(((Number) row[0]).intValue(), cells);
        }
        assertThat(stream).isEqualTo(jdbc);
        assertThat(jdbc.values()).flatExtracting(cells -> cells).as("TIME values outside a day")
                .contains("DataException");
        RowSchema exact = RowSchema.of(fromInformationSchema, "ferry");
        int datetime6 = schema.valueSchema().field("c_datetime6").index();
        int checked = 0;
        for (Serializable[] row : binlog.rows()) {
            Object micros = exact.converter(datetime6).fromBinlog(row[datetime6]);
            if (micros != null) {
                Object connect = schema.converter(datetime6).fromBinlog(row[datetime6]);
                assertThat(connect).as("floored to the millisecond")
                        .isEqualTo(new java.util.Date(Math.floorDiv((Long) micros, 1000L)));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    private static Object orFailure(java.util.concurrent.Callable<Object> conversion) throws Exception {
        try {
            return conversion.call();
        } catch (DataException e) {
            return "DataException";
        }
    }

    /**
     * The connector's snapshot connection uses {@code useCursorFetch=true}, which implies server-side prepared
     * statements and so the binary protocol: the rows must read the same as through the text protocol.
     */
    @Test
    void serverCursorsReadTheSameRowsAsTheTextProtocol() throws Exception {
        RowSchema schema = RowSchema.of(fromInformationSchema, "ferry");
        List<Struct> text = readWithJdbc(schema, SOURCE.jdbcUrl());
        List<Struct> cursor = readWithJdbc(schema, SOURCE.jdbcUrl() + "&useCursorFetch=true");
        assertThat(cursor).hasSize(AllTypesTable.ROWS);
        for (int r = 0; r < AllTypesTable.ROWS; r++) {
            for (Field field : schema.valueSchema().fields()) {
                assertThat(cursor.get(r).get(field)).as("row " + (r + 1) + " field " + field.name())
                        .isEqualTo(text.get(r).get(field));
            }
        }
    }

    private static void assertExpected(String where, Field field, Object expected, Object actual) {
        if (expected instanceof Object[] geometry) {
            Struct struct = (Struct) actual;
            assertThat(struct.getBytes("wkb")).as(where + " wkb").isEqualTo(geometry[0]);
            assertThat(struct.getInt32("srid")).as(where + " srid").isEqualTo(geometry[1]);
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static List<Struct> readWithJdbc(RowSchema schema, String url) throws Exception {
        String sql = "SELECT " + schema.selectList() + " FROM " + Identifiers.quote(TABLE.database()) + "."
                + Identifiers.quote(TABLE.table()) + " ORDER BY id";
        List<Struct> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, SOURCE.user(), SOURCE.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            statement.setFetchSize(2);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(schema.fromJdbc(rs));
                }
            }
        }
        return rows;
    }
}
