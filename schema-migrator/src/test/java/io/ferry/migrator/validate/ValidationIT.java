package io.ferry.migrator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.migrator.cli.MigratorMain;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.ServerSettings;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation against two real servers. Each test fills its own database on both sides with the same
 * statements, then changes the destination on purpose; chunks are made small so every table spans several.
 */
class ValidationIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    /** One column of each type the comparison must treat exactly, with a composite key of INT and VARCHAR. */
    private static final String EVERY_TYPE = "CREATE TABLE %s.every_type (id INT NOT NULL, code VARCHAR(20)"
            + " CHARACTER SET utf8mb4 NOT NULL, f FLOAT, d DOUBLE, dec65 DECIMAL(65,30), dt DATETIME(6),"
            + " ts TIMESTAMP(6) NULL, tm TIME(6), dy DATE, yr YEAR, j JSON, b BLOB, bin BINARY(4), bits BIT(10),"
            + " e ENUM('red','green',''), s SET('a','b','c'), txt TEXT CHARACTER SET utf8mb4, big BIGINT UNSIGNED,"
            + " PRIMARY KEY (id, code))";

    private static final String[] FLOATS = {"1.0000001", "-0e0", "3.4028234663852886e38", "1.401298464324817e-45",
        "1.17549435e-38", "0.1", "-123.456", "NULL"};
    private static final String[] DOUBLES = {"0.1e0 + 0.2e0", "4.9e-324", "1.7976931348623157e308", "-0e0",
        "2.2250738585072014e-308", "NULL", "1e0/3e0"};
    private static final String[] TEXTS = {"''", "NULL", "'😀 emoji'", "'Ünïcödé ß'", "' trailing '", "'a\\\\b''c'",
        "'NULL'", "'N'"};

    private static Map<String, String> settings(String database) {
        Map<String, String> values = ServerSettings.of(SOURCE, DESTINATION, database);
        values.put("validate.chunk.rows", "7");
        return values;
    }

    private static ValidationReport validate(Map<String, String> values) {
        return new Validation(MigratorSettings.of(values)).run();
    }

    private static void onBoth(String... statements) {
        SOURCE.execute(statements);
        DESTINATION.execute(statements);
    }

    private static void createOnBoth(String database) {
        SOURCE.createDatabase(database);
        DESTINATION.createDatabase(database);
    }

    /** Row {@code i} of every_type: values cycle through the edge cases, so NULLs meet every other column. */
    private static String everyTypeRow(int i) {
        List<String> values = new ArrayList<>();
        values.add(String.valueOf(i));
        values.add(i % TEXTS.length == 1 ? "'k'" : TEXTS[i % TEXTS.length]); // part of the key: never NULL
        values.add(FLOATS[i % FLOATS.length]);
        values.add(DOUBLES[i % DOUBLES.length]);
        values.add(i % 5 == 0 ? "NULL" : "'-12345678901234567890123456789012345.12345678901234567890123456789"
                + i % 10 + "'");
        values.add("'2024-02-29 23:59:59." + String.format("%06d", i * 7919 % 1_000_000) + "'");
        values.add(i % 4 == 0 ? "NULL" : "'2038-01-19 03:14:07.99999" + i % 10 + "'");
        values.add("'-838:59:58.00000" + i % 10 + "'");
        values.add("'1000-01-0" + (1 + i % 9) + "'");
        values.add(String.valueOf(1901 + i));
        values.add(i % 3 == 0 ? "NULL" : "'{\"k\": [1, 2.50, null, \"é\"], \"n\": " + i + "}'");
        values.add(i % 6 == 0 ? "''" : "x'00ff" + String.format("%02x", i) + "00'");
        values.add("x'0a00'");
        values.add("b'" + Integer.toBinaryString(i * 37 % 1024) + "'");
        values.add(new String[] {"'red'", "'green'", "''", "NULL"}[i % 4]);
        values.add(new String[] {"''", "'a,c'", "'b'", "NULL"}[i % 4]);
        values.add(TEXTS[(i + 3) % TEXTS.length]);
        values.add(i % 2 == 0 ? "18446744073709551615" : String.valueOf(i));
        return "(" + String.join(", ", values) + ")";
    }

    private static String everyTypeInsert(String database, int from, int to) {
        List<String> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.add(everyTypeRow(i));
        }
        return "INSERT INTO " + database + ".every_type VALUES " + String.join(", ", rows);
    }

    @Test
    void identicalTablesOfEveryTypePassThroughTheCommandLine(@TempDir Path dir) throws Exception {
        String db = "same";
        createOnBoth(db);
        onBoth(EVERY_TYPE.formatted(db), everyTypeInsert(db, 1, 40),
                "CREATE TABLE same.by_name (name VARCHAR(40) NOT NULL PRIMARY KEY, n INT)",
                "INSERT INTO same.by_name VALUES ('a', 1), ('B', 2), ('c d', 3), ('é', 4), ('😀', 5), ('z', 6),"
                        + " ('a''b', 7), ('a b', 8), ('aa', 9), ('', 10)",
                "CREATE TABLE same.instants (id INT PRIMARY KEY, ts TIMESTAMP(6) NULL)");
        // The same instants, written in different session time zones: TIMESTAMP compares as an instant.
        SOURCE.execute("SET time_zone = '+00:00'", "INSERT INTO same.instants VALUES (1, '2024-03-01 12:00:00.5')");
        DESTINATION.execute("SET time_zone = '+05:00'",
                "INSERT INTO same.instants VALUES (1, '2024-03-01 17:00:00.5')");
        Path file = dir.resolve("validate.properties");
        Properties properties = new Properties();
        properties.putAll(settings(db));
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MigratorMain main = new MigratorMain(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        int exit = main.run("validate", file.toString(), "--json");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("identical").asBoolean()).as(text).isTrue();
        assertThat(json.get("tables")).extracting(t -> t.get("source").asText())
                .containsExactly("same.by_name", "same.every_type", "same.instants");
        JsonNode everyType = json.get("tables").get(1);
        assertThat(everyType.get("rowsCompared").asLong()).isEqualTo(40);
        assertThat(everyType.get("chunks").asLong()).as("40 rows in chunks of 7").isEqualTo(6);
        assertThat(everyType.get("key")).extracting(JsonNode::asText).containsExactly("id", "code");
        assertThat(json.get("tables").get(0).get("chunks").asLong()).isEqualTo(2);

        out.reset();
        assertThat(main.run("validate", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("SOURCE")
                .contains("Validation identical: 3 of 3 table(s) identical");
    }

    /**
     * A change to any one column of any type is caught, by exactly its row: the smallest change each type allows
     * (last bit of a FLOAT or DOUBLE, last digit of a DECIMAL(65,30), one microsecond, NULL for an empty string).
     * Rewriting JSON with other key order and spacing is no change.
     */
    @Test
    void theSmallestChangeToEachColumnIsCaughtButJsonSpellingIsNot() {
        String db = "each_column";
        createOnBoth(db);
        onBoth(EVERY_TYPE.formatted(db), everyTypeInsert(db, 1, 40));
        Map<Integer, String> changes = new LinkedHashMap<>();
        changes.put(1, "f = 1.0000002"); // row 1 holds 1.0000001, the adjacent float
        changes.put(7, "d = 0.3e0"); // row 7 holds 0.1e0 + 0.2e0, one bit above 0.3
        changes.put(2, "dec65 = dec65 - 0.000000000000000000000000000001");
        changes.put(3, "dt = dt + INTERVAL 1 MICROSECOND");
        changes.put(5, "ts = ts - INTERVAL 1 MICROSECOND");
        changes.put(6, "tm = tm + INTERVAL 1 MICROSECOND");
        changes.put(9, "dy = dy + INTERVAL 1 DAY");
        changes.put(10, "yr = 2100");
        changes.put(11, "j = JSON_SET(j, '$.n', 12)");
        changes.put(13, "b = x'00ff0d01'");
        changes.put(14, "bin = x'0a000001'");
        changes.put(15, "bits = bits ^ 1");
        changes.put(17, "e = 'red'");
        changes.put(18, "s = 'a,b,c'");
        changes.put(21, "txt = NULL"); // txt is '' in row 21
        changes.put(22, "big = big - 1");
        changes.put(23, "txt = '😀 emojI'"); // only the letter case changes, which the collation ignores
        for (Map.Entry<Integer, String> change : changes.entrySet()) {
            DESTINATION.execute("UPDATE each_column.every_type SET " + change.getValue() + " WHERE id = "
                    + change.getKey());
        }
        DESTINATION.execute("UPDATE each_column.every_type SET j = '{ \"n\" : 4 , \"k\":[1,2.50,null,\"é\"]}'"
                + " WHERE id = 4");
        Map<String, String> values = settings(db);
        values.put("validate.max.differences", "100");

        TableResult result = validate(values).table("each_column.every_type").orElseThrow();

        assertThat(result.differences()).as(result.toString()).extracting(d -> d.key().get("id"))
                .containsExactlyInAnyOrderElementsOf(changes.keySet().stream().map(String::valueOf).toList());
        assertThat(result.missing() + result.extra()).isZero();
    }

    @Test
    void changedMissingAndExtraRowsAreReportedWithTheirKeys() {
        String db = "drift";
        createOnBoth(db);
        onBoth("CREATE TABLE drift.items (id INT PRIMARY KEY, f FLOAT, note VARCHAR(20))",
                "INSERT INTO drift.items SELECT seq * 2, 1.0000001, CONCAT('n', seq) FROM drift.seq_1_to_30",
                "CREATE TABLE drift.names (name VARCHAR(20) PRIMARY KEY, v DECIMAL(65,30))",
                "INSERT INTO drift.names VALUES ('alpha', 1.5), ('beta', 2.5),"
                        + " ('gamma', 0.000000000000000000000000000001)");
        DESTINATION.execute(
                "UPDATE drift.items SET note = 'changed' WHERE id = 10",
                // 1.0000001 and 1.0000002 are adjacent floats: only the last mantissa bit differs.
                "UPDATE drift.items SET f = 1.0000002 WHERE id = 20",
                "UPDATE drift.items SET note = NULL WHERE id = 22",
                "DELETE FROM drift.items WHERE id = 30",
                "INSERT INTO drift.items VALUES (0, 1, 'before the first'), (31, 1, 'inside'),"
                        + " (1000, 1, 'past the last')",
                "UPDATE drift.names SET v = 0 WHERE name = 'gamma'",
                "INSERT INTO drift.names VALUES ('zzz', 0)");
        Map<String, String> values = settings(db);
        values.put("validate.max.differences", "20");

        ValidationReport report = validate(values);

        assertThat(report.exitCode()).as(report.toTable()).isEqualTo(1);
        TableResult items = report.table("drift.items").orElseThrow();
        assertThat(items.missing()).isEqualTo(1);
        assertThat(items.extra()).isEqualTo(3);
        assertThat(items.different()).isEqualTo(3);
        assertThat(items.differences()).extracting(d -> d.kind().label() + " " + d.keyText())
                .containsExactlyInAnyOrder("different id=10", "different id=20", "different id=22", "missing id=30",
                        "extra id=0", "extra id=31", "extra id=1000");
        assertThat(items.sourceRows()).isEqualTo(30);
        assertThat(items.destinationRows()).isEqualTo(32);
        TableResult names = report.table("drift.names").orElseThrow();
        assertThat(names.differences()).extracting(d -> d.kind().label() + " " + d.keyText())
                .containsExactlyInAnyOrder("different name=gamma", "extra name=zzz");

        values.put("validate.max.differences", "2");
        TableResult limited = validate(values).table("drift.items").orElseThrow();
        assertThat(limited.differences()).hasSize(2);
        assertThat(limited.missing() + limited.extra() + limited.different()).isEqualTo(7);
    }

    @Test
    void mappingColumnExclusionAndRowFilterAreRespected() {
        SOURCE.createDatabase("shop");
        DESTINATION.createDatabase("shop_copy");
        SOURCE.execute("CREATE TABLE shop.orders (id INT PRIMARY KEY, amount DECIMAL(10,2), secret VARCHAR(10),"
                        + " region CHAR(2))",
                "INSERT INTO shop.orders SELECT seq, seq * 1.25, 'pw', IF(seq % 3 = 0, 'us', 'eu')"
                        + " FROM shop.seq_1_to_20");
        DESTINATION.execute("CREATE TABLE shop_copy.Orders (id INT PRIMARY KEY, total DECIMAL(10,2), region CHAR(2))",
                "INSERT INTO shop_copy.Orders SELECT seq, seq * 1.25, 'eu' FROM shop_copy.seq_1_to_20"
                        + " WHERE seq % 3 <> 0");
        Map<String, String> values = settings("shop");
        values.put("mapping.rules", "shop=shop_copy, shop.orders=Orders, shop.orders.amount=total");
        values.put("column.exclude", "shop\\.orders\\.secret");
        values.put("row.filter.shop.orders", "region = 'eu'");

        ValidationReport report = validate(values);

        assertThat(report.identical()).as(report.toTable()).isTrue();
        TableResult orders = report.table("shop.orders").orElseThrow();
        assertThat(orders.destination().toString()).isEqualTo("shop_copy.Orders");
        assertThat(orders.sourceRows()).isEqualTo(14);

        DESTINATION.execute("INSERT INTO shop_copy.Orders VALUES (3, 3.75, 'us')",
                "UPDATE shop_copy.Orders SET total = 0 WHERE id = 4");
        assertThat(validate(values).table("shop.orders").orElseThrow().differences())
                .extracting(d -> d.kind().label() + " " + d.keyText())
                .containsExactlyInAnyOrder("extra id=3", "different id=4");
    }

    @Test
    void keylessTablesAreComparedAsMultisets() {
        String db = "nokey";
        createOnBoth(db);
        onBoth("CREATE TABLE nokey.log (msg VARCHAR(20), n INT)",
                "INSERT INTO nokey.log VALUES ('dup', 1), ('dup', 1), ('dup', 1), (NULL, 2), ('', 2), ('x', NULL)");

        ValidationReport same = validate(settings(db));
        assertThat(same.identical()).as(same.toTable()).isTrue();
        assertThat(same.table("nokey.log").orElseThrow().method()).isEqualTo(TableResult.KEYLESS);
        assertThat(same.table("nokey.log").orElseThrow().notes()).singleElement().asString()
                .contains("multiset");

        DESTINATION.execute("DELETE FROM nokey.log WHERE msg = 'dup' LIMIT 1",
                "UPDATE nokey.log SET n = 3 WHERE msg = ''");
        TableResult log = validate(settings(db)).table("nokey.log").orElseThrow();
        assertThat(log.missing()).as("one dup fewer, and the changed row's old image").isEqualTo(2);
        assertThat(log.extra()).as("the changed row's new image").isEqualTo(1);
        assertThat(log.sourceRows()).isEqualTo(6);
        assertThat(log.destinationRows()).isEqualTo(5);
    }

    @Test
    void aTableMissingInTheDestinationIsAnError() {
        String db = "absent";
        createOnBoth(db);
        SOURCE.execute("CREATE TABLE absent.t (id INT PRIMARY KEY)");

        ValidationReport report = validate(settings(db));

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.table("absent.t").orElseThrow().error()).contains("absent.t does not exist");
        assertThat(validate(settings("no_such_database")).errors()).containsExactly(
                "The settings select no table in the source");
    }
}
