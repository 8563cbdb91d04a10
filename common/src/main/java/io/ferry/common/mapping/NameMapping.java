package io.ferry.common.mapping;

import io.ferry.common.TableId;
import java.util.List;

/** Placeholder until the mapping lands (branch common-mapping): identity only. */
public final class NameMapping {

    private NameMapping() {
    }

    public static NameMapping identity() {
        return new NameMapping();
    }

    public static NameMapping parse(List<String> rules, CasePolicy policy) {
        if (!rules.isEmpty()) {
            throw new IllegalArgumentException("mapping rules are not supported yet");
        }
        return identity();
    }

    public boolean isIdentity() {
        return true;
    }

    public String database(String sourceDb) {
        return sourceDb;
    }

    public TableId table(TableId source) {
        return source;
    }

    public String column(TableId sourceTable, String sourceColumn) {
        return sourceColumn;
    }
}
