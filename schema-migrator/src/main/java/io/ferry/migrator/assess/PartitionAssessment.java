package io.ferry.migrator.assess;

import io.ferry.common.server.Finding;
import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Partitioned tables: the schema copy recreates their partitioning, which the destination must support (MariaDB
 * as a plugin, MySQL 8 natively for InnoDB only); worth knowing before the copy because partition maintenance
 * (adding ranges, dropping old ones) must then also run on the destination.
 */
final class PartitionAssessment implements PrecheckItem {

    private static final String PARTITIONED = "SELECT TABLE_SCHEMA, TABLE_NAME, PARTITION_METHOD, COUNT(*) FROM"
            + " information_schema.PARTITIONS WHERE PARTITION_NAME IS NOT NULL GROUP BY TABLE_SCHEMA, TABLE_NAME,"
            + " PARTITION_METHOD ORDER BY TABLE_SCHEMA, TABLE_NAME";

    @Override
    public String name() {
        return "partitions";
    }

    @Override
    public String title() {
        return "Partitioned tables";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        List<List<String>> partitioned = Assessment.selectedRows(context, PARTITIONED);
        if (partitioned.isEmpty()) {
            return List.of(Finding.pass("partitions", "No selected table is partitioned"));
        }
        boolean supported = PrecheckContext.flavor(context.destination()) == ServerFlavor.MYSQL
                || "ACTIVE".equals(PrecheckContext.string(context.destination(),
                "SELECT PLUGIN_STATUS FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'partition'"));
        List<Finding> findings = new ArrayList<>();
        for (List<String> row : partitioned) {
            String table = row.get(0) + "." + row.get(1);
            String what = table + " is partitioned by " + row.get(2) + " into " + row.get(3) + " partition(s)";
            findings.add(supported
                    ? Finding.warning(table, what + ": recreated as is in the destination", "Run partition"
                    + " maintenance (new ranges, dropping old ones) on the destination too after the switch")
                    : Finding.failure(table, what + ", and the destination's partition plugin is not active",
                    "Enable partitioning in the destination (MariaDB: plugin_load_add = ha_partition) or remove the"
                            + " partitioning"));
        }
        return findings;
    }
}
