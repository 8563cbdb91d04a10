package io.ferry.migrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.TableId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("source.host", "src.example");
        values.put("source.user", "cdc");
        values.put("destination.host", "dst.example");
        values.put("destination.user", "writer");
        return values;
    }

    @Test
    void defaultsFillWhatIsMissing() {
        MigratorSettings settings = MigratorSettings.of(minimal());

        assertThat(settings.source().port()).isEqualTo(3306);
        assertThat(settings.source().sslMode()).isEqualTo(SslMode.PREFERRED);
        assertThat(settings.source().password()).isEmpty();
        assertThat(settings.types()).containsExactlyInAnyOrder(MigrationType.values());
        assertThat(settings.conflictTables()).isEqualTo(ConflictPolicy.ERROR);
        assertThat(settings.binlogRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.mapping().isIdentity()).isTrue();
        assertThat(settings.tableFilter().includes(new TableId("shop", "orders"))).isTrue();
    }

    @Test
    void everyKeyIsParsed(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "not checked until connecting");
        Map<String, String> values = minimal();
        values.put("destination.port", "3307");
        values.put("destination.ssl.mode", "verify-ca");
        values.put("destination.ssl.ca", ca.toString());
        values.put("database.include", "shop, crm");
        values.put("table.exclude", "shop\\.tmp_.*");
        values.put("mapping.rules", "shop=shop_v2, crm.people=contacts");
        values.put("mapping.case", "lower");
        values.put("migration.types", "schema, full");
        values.put("conflict.tables", "IGNORE");
        values.put("binlog.retention.hours", "72");

        MigratorSettings settings = MigratorSettings.of(values);

        assertThat(settings.destination().port()).isEqualTo(3307);
        assertThat(settings.destination().sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(settings.destination().sslCa()).isEqualTo(ca);
        assertThat(settings.tableFilter().includes(new TableId("crm", "people"))).isTrue();
        assertThat(settings.tableFilter().includes(new TableId("shop", "tmp_1"))).isFalse();
        assertThat(settings.tableFilter().includes(new TableId("hr", "staff"))).isFalse();
        assertThat(settings.mapping().table(new TableId("shop", "Orders"))).isEqualTo(new TableId("shop_v2", "orders"));
        assertThat(settings.mapping().table(new TableId("crm", "people"))).isEqualTo(new TableId("crm", "contacts"));
        assertThat(settings.types()).isEqualTo(Set.of(MigrationType.SCHEMA, MigrationType.FULL));
        assertThat(settings.conflictTables()).isEqualTo(ConflictPolicy.IGNORE);
        assertThat(settings.binlogRetention()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void errorsNameTheKey() {
        assertError(Map.of("source.host", ""), "source.host is required");
        assertError(Map.of("destination.port", "80a"), "destination.port: '80a' is not a whole number");
        assertError(Map.of("destination.port", "70000"), "destination.port must be between 1 and 65535");
        assertError(Map.of("source.ssl.mode", "on"), "source.ssl.mode: 'on' is not an SSL mode; allowed values:"
                + " disabled, preferred, required, verify-ca");
        assertError(Map.of("source.ssl.mode", "verify-ca"), "source.ssl.ca is required when source.ssl.mode is");
        assertError(Map.of("source.ssl.ca", "/no/such/ca.pem"), "source.ssl.ca names /no/such/ca.pem");
        assertError(Map.of("table.include", "shop.(orders"), "table.include: 'shop.(orders' is not a valid");
        assertError(Map.of("mapping.rules", "shop"), "mapping.rules: Name mapping rule 'shop' has no '='");
        assertError(Map.of("mapping.case", "title"), "mapping.case: 'title' is not a case policy");
        assertError(Map.of("migration.types", "schema,delta"), "migration.types: 'delta' is not a migration type");
        assertError(Map.of("conflict.tables", "overwrite"), "conflict.tables: 'overwrite' is not a conflict policy");
        assertError(Map.of("binlog.retention.hours", "-1"), "binlog.retention.hours must be 0 or more");
        assertError(Map.of("source.hots", "x"), "Unknown setting(s) [source.hots]");
    }

    @Test
    void loadsAPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("m.properties"), """
                # a comment
                source.host=127.0.0.1
                source.user=cdc
                source.password=s3cr=t
                destination.host=127.0.0.1
                destination.user=writer
                """);

        MigratorSettings settings = MigratorSettings.load(file);

        assertThat(settings.source().password()).isEqualTo("s3cr=t");
        assertThat(settings.source().toString()).doesNotContain("s3cr");
        assertThatThrownBy(() -> MigratorSettings.load(dir.resolve("missing.properties")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("Cannot read the settings file");
    }

    @Test
    void theExampleInConfigIsValid() {
        Path example = Path.of("..", "config", "migration.properties");
        Path ca = Path.of("/etc/ferry/destination-ca.pem");
        assertThatThrownBy(() -> MigratorSettings.load(example)).as("the CA file is checked")
                .hasMessageContaining("destination.ssl.ca names " + ca);

        Map<String, String> values = new HashMap<>();
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(example)) {
            properties.load(reader);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        values.put("destination.ssl.mode", "required");
        values.remove("destination.ssl.ca");
        MigratorSettings settings = MigratorSettings.of(values);

        assertThat(settings.mapping().table(new TableId("shop", "orders"))).isEqualTo(new TableId("shop_v2", "orders"));
        assertThat(settings.tableFilter().includes(new TableId("shop", "tmp_1"))).isFalse();
    }

    @Test
    void theJdbcUrlCarriesTheSslModeAndATimeout() {
        Map<String, String> values = minimal();
        values.put("source.ssl.mode", "required");

        String url = MigratorSettings.of(values).source().jdbcUrl();

        assertThat(url).startsWith("jdbc:mysql://src.example:3306/?sslMode=REQUIRED&").contains("connectTimeout=");
    }

    private static void assertError(Map<String, String> overrides, String message) {
        Map<String, String> values = minimal();
        values.putAll(overrides);
        assertThatThrownBy(() -> MigratorSettings.of(values)).isInstanceOf(SettingsException.class)
                .hasMessageContaining(message);
    }

    @Test
    void filtersAndSchemaOptionsAreParsed() {
        Map<String, String> values = minimal();
        values.put("column.exclude", "shop\\.orders\\.secret");
        values.put("row.filter.shop.orders", " id > 10 ");
        values.put("schema.events", "TRUE");
        values.put("accounts.include", "app@%, report@10.0.0.%");
        values.put("validate.chunk.rows", "500");
        values.put("validate.max.differences", "0");

        MigratorSettings settings = MigratorSettings.of(values);

        TableId orders = new TableId("shop", "orders");
        assertThat(settings.columnFilter().excludes(orders, "secret")).isTrue();
        assertThat(settings.columnFilter().excludes(orders, "id")).isFalse();
        assertThat(settings.rowFilters()).containsExactly(Map.entry(orders, "id > 10"));
        assertThat(settings.schemaEvents()).isTrue();
        assertThat(settings.accountsInclude()).containsExactly("app@%", "report@10.0.0.%");
        assertThat(settings.validateChunkRows()).isEqualTo(500);
        assertThat(settings.validateMaxDifferences()).isZero();
    }

    @Test
    void badFiltersAndOptionsNameTheirKey() {
        Map<String, String> values = minimal();
        values.put("row.filter.orders", "id > 1");
        assertThatThrownBy(() -> MigratorSettings.of(values)).hasMessageContaining("row.filter.orders");

        Map<String, String> empty = minimal();
        empty.put("row.filter.shop.orders", " ");
        assertThatThrownBy(() -> MigratorSettings.of(empty)).hasMessageContaining("row.filter.shop.orders")
                .hasMessageContaining("empty");

        Map<String, String> events = minimal();
        events.put("schema.events", "yes");
        assertThatThrownBy(() -> MigratorSettings.of(events)).hasMessageContaining("schema.events");

        Map<String, String> chunk = minimal();
        chunk.put("validate.chunk.rows", "0");
        assertThatThrownBy(() -> MigratorSettings.of(chunk)).hasMessageContaining("validate.chunk.rows")
                .hasMessageContaining("at least 1");

        Map<String, String> pattern = minimal();
        pattern.put("column.exclude", "shop.(");
        assertThatThrownBy(() -> MigratorSettings.of(pattern)).hasMessageContaining("column.exclude");
    }
}
