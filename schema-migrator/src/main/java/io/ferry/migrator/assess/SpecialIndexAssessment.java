package io.ferry.migrator.assess;

import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * FULLTEXT and SPATIAL indexes: they are recreated, but behave by the destination's rules. FULLTEXT results
 * depend on the token size, stopword and parser settings (and a WITH PARSER plugin must exist there); MySQL 8
 * uses a SPATIAL index only on columns with an SRID attribute, which MariaDB does not have.
 */
final class SpecialIndexAssessment implements PrecheckItem {

    private static final String SPECIAL = "SELECT DISTINCT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, INDEX_TYPE FROM"
            + " information_schema.STATISTICS WHERE INDEX_TYPE IN ('FULLTEXT', 'SPATIAL')"
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME";

    @Override
    public String name() {
        return "fulltext-spatial";
    }

    @Override
    public String title() {
        return "FULLTEXT and SPATIAL indexes";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        for (List<String> row : Assessment.selectedRows(context, SPECIAL)) {
            String index = row.get(0) + "." + row.get(1) + " index " + row.get(2);
            findings.add("FULLTEXT".equals(row.get(3))
                    ? Finding.warning(index, index + " is FULLTEXT: rebuilt in the destination, where searches follow"
                    + " its token size, stopword and parser settings", "Set innodb_ft_min_token_size, stopwords and"
                    + " any WITH PARSER plugin in the destination as in the source, then compare a few searches")
                    : Finding.warning(index, index + " is SPATIAL: MySQL 8 uses it only on a column with an SRID"
                    + " attribute, which MariaDB lacks", "After the copy, check with EXPLAIN that spatial queries"
                    + " use it; on MySQL 8 add SRID to the column if they do not"));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass("indexes", "No FULLTEXT or SPATIAL index in the selected tables"));
        }
        return findings;
    }
}
