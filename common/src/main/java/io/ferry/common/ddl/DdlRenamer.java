package io.ferry.common.ddl;

import io.ferry.common.mapping.NameMapping;
import org.antlr.v4.runtime.TokenStreamRewriter;
import org.antlr.v4.runtime.tree.ParseTreeWalker;

import java.util.Objects;

/**
 * Rewrites the database, table and column names of one MySQL/MariaDB statement through a {@link NameMapping},
 * keeping every other character (comments, spacing, case of keywords, quoting of untouched names) as written.
 * Used by the sink to apply source DDL to the destination and by the schema migrator to create tables, views,
 * routines and triggers there.
 *
 * <h2>What is rewritten</h2>
 * <ul>
 *   <li>Database names: CREATE/ALTER/DROP DATABASE, and the database part of table, view, routine, trigger and
 *       function-call names.</li>
 *   <li>Table and view names wherever the grammar names a table: CREATE/ALTER/DROP/TRUNCATE/RENAME TABLE,
 *       CREATE TABLE ... LIKE, REFERENCES, CREATE/DROP INDEX ... ON, CREATE/ALTER/DROP VIEW, trigger tables,
 *       and FROM/JOIN/UPDATE/INSERT/DELETE tables inside views, routines and triggers. A table qualifier of a
 *       column ({@code orders.amount}, {@code shop.orders.amount}) follows its table.</li>
 *   <li>Column names of the table a statement defines or alters (column definitions, generated-column and CHECK
 *       expressions, index and foreign key parts, partitioning columns, AFTER, CHANGE/RENAME COLUMN), the
 *       referenced columns of REFERENCES, {@code NEW.x}/{@code OLD.x} in triggers, and in queries every column
 *       qualified by a table or alias of its query block (or of an enclosing one).</li>
 * </ul>
 * A rewritten name is back-quoted with {@code Identifiers.quote}; a name the mapping leaves unchanged keeps its
 * original spelling and quoting.
 *
 * <h2>Unqualified names</h2>
 * An unqualified table name resolves against {@code defaultDatabase}. The caller runs the result with the
 * destination's default database set to {@code mapping.database(defaultDatabase)}; a table that lands there
 * stays unqualified, a table that a rule moves to another database gets qualified with it. Without a default
 * database an unqualified table name is an error ({@link DdlRewriteException}).
 *
 * <p>An unqualified column name in a query is renamed when its block makes the table unambiguous: a single
 * table in FROM (counting enclosing blocks, which correlated subqueries see), or several tables that all map
 * the name to the same name (e.g. only the case policy applies). Otherwise it is left as written and listed in
 * {@link DdlRewrite#unresolvedColumns()}: the statement alone cannot say which table has the column. Routine
 * parameters and DECLAREd variables are never taken for columns; neither are select-list aliases.
 *
 * <h2>What is not rewritten</h2>
 * Index, constraint, partition, trigger, routine, event and alias names (only their database part is mapped);
 * columns of derived tables and CTEs (their names come from the inner select); the table list of a multi-table
 * DELETE ({@code DELETE t1 FROM ...}); names inside strings (prepared statement text, event bodies as strings).
 *
 * <h2>Parsing</h2>
 * Debezium's MySQL grammar (the MySQL Workbench one), in the default SQL mode (double quotes delimit strings).
 * It covers MySQL 8 syntax and the MariaDB syntax MySQL shares; MariaDB-only syntax (CREATE OR REPLACE TABLE,
 * IF [NOT] EXISTS on columns, PERSISTENT generated columns, system versioning, sequences, Aria table options)
 * does not parse and fails with {@link DdlRewriteException}, as does anything else the grammar rejects: the
 * result is never a half-rewritten statement. With an identity mapping the statement is returned unparsed.
 */
public final class DdlRenamer {

    private final NameMapping mapping;

    public DdlRenamer(NameMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /** {@code statement} with its names mapped; see the class documentation. */
    public String rename(String statement, String defaultDatabase) {
        return rewrite(statement, defaultDatabase).statement();
    }

    /** Like {@link #rename}, also listing the column names left as written because their table is ambiguous. */
    public DdlRewrite rewrite(String statement, String defaultDatabase) {
        Objects.requireNonNull(statement, "statement");
        if (mapping.isIdentity()) {
            return new DdlRewrite(statement, java.util.List.of());
        }
        ParsedStatement parsed = ParsedStatement.parse(statement);
        IdentifierCollector collector = new IdentifierCollector(defaultDatabase, statement);
        ParseTreeWalker.DEFAULT.walk(collector, parsed.tree());
        NameResolver.Resolution resolution = new NameResolver(mapping, defaultDatabase, statement)
                .resolve(collector.names());
        TokenStreamRewriter rewriter = new TokenStreamRewriter(parsed.tokens());
        resolution.edits().values().forEach(edit -> rewriter.replace(edit.token(), edit.text()));
        return new DdlRewrite(rewriter.getText(), resolution.unresolvedColumns());
    }
}
