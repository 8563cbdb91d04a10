package io.ferry.common.ddl;

import java.util.List;

/**
 * A rewritten statement and the column names in it that were left as written because the statement alone does
 * not say which table they belong to (an unqualified name in a query over several tables that map it
 * differently); callers can warn about them.
 */
public record DdlRewrite(String statement, List<String> unresolvedColumns) {

    public DdlRewrite {
        unresolvedColumns = List.copyOf(unresolvedColumns);
    }
}
