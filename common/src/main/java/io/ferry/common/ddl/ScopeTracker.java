package io.ferry.common.ddl;

import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import io.debezium.ddl.parser.mysql.generated.MySqlParserBaseListener;
import io.ferry.common.TableId;

import java.util.HashSet;
import java.util.Set;

/**
 * The scope part of the walk: opens a {@link Scope} for each DDL target and query block, registers the tables
 * of FROM, UPDATE, DELETE and INSERT with their aliases, and knows the statement's CTE names.
 */
abstract class ScopeTracker extends MySqlParserBaseListener {

    private final String defaultDatabase;
    private final String statement;
    private final Set<String> cteNames = new HashSet<>();
    private Scope scope = Scope.statement();

    ScopeTracker(String defaultDatabase, String statement) {
        this.defaultDatabase = defaultDatabase;
        this.statement = statement;
    }

    /** The innermost scope at the current point of the walk. */
    Scope scope() {
        return scope;
    }

    boolean isCte(String name) {
        return cteNames.contains(name);
    }

    @Override
    public void enterCreateTable(MySqlParser.CreateTableContext ctx) {
        scope = scope.targetScope(tableId(ctx.tableName().qualifiedIdentifier()));
    }

    @Override
    public void exitCreateTable(MySqlParser.CreateTableContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterAlterTable(MySqlParser.AlterTableContext ctx) {
        scope = scope.targetScope(tableId(ctx.tableRef().qualifiedIdentifier()));
    }

    @Override
    public void exitAlterTable(MySqlParser.AlterTableContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterCreateIndex(MySqlParser.CreateIndexContext ctx) {
        scope = scope.targetScope(tableId(ctx.createIndexTarget().tableRef().qualifiedIdentifier()));
    }

    @Override
    public void exitCreateIndex(MySqlParser.CreateIndexContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterCreateView(MySqlParser.CreateViewContext ctx) {
        scope = scope.targetScope(tableId(ctx.viewName().qualifiedIdentifier()));
    }

    @Override
    public void exitCreateView(MySqlParser.CreateViewContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterAlterView(MySqlParser.AlterViewContext ctx) {
        scope = scope.targetScope(tableId(ctx.viewRef().qualifiedIdentifier()));
    }

    @Override
    public void exitAlterView(MySqlParser.AlterViewContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterCreateTrigger(MySqlParser.CreateTriggerContext ctx) {
        TableId table = tableId(ctx.tableRef().qualifiedIdentifier());
        scope = scope.qualifiedOnlyScope();
        scope.addTable(table, null, "NEW");
        scope.addTable(table, null, "OLD");
    }

    @Override
    public void exitCreateTrigger(MySqlParser.CreateTriggerContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterQuerySpecification(MySqlParser.QuerySpecificationContext ctx) {
        scope = scope.queryScope();
    }

    @Override
    public void exitQuerySpecification(MySqlParser.QuerySpecificationContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterUpdateStatement(MySqlParser.UpdateStatementContext ctx) {
        scope = scope.queryScope();
    }

    @Override
    public void exitUpdateStatement(MySqlParser.UpdateStatementContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterDeleteStatement(MySqlParser.DeleteStatementContext ctx) {
        scope = scope.queryScope();
        if (ctx.tableRef() != null) {
            addScopeTable(ctx.tableRef().qualifiedIdentifier(), ctx.tableAlias());
        }
    }

    @Override
    public void exitDeleteStatement(MySqlParser.DeleteStatementContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterInsertStatement(MySqlParser.InsertStatementContext ctx) {
        scope = scope.queryScope();
        addScopeTable(ctx.tableRef().qualifiedIdentifier(), null);
    }

    @Override
    public void exitInsertStatement(MySqlParser.InsertStatementContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterReplaceStatement(MySqlParser.ReplaceStatementContext ctx) {
        scope = scope.queryScope();
        addScopeTable(ctx.tableRef().qualifiedIdentifier(), null);
    }

    @Override
    public void exitReplaceStatement(MySqlParser.ReplaceStatementContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterSingleTable(MySqlParser.SingleTableContext ctx) {
        addScopeTable(ctx.tableRef().qualifiedIdentifier(), ctx.tableAlias());
    }

    @Override
    public void enterDerivedTable(MySqlParser.DerivedTableContext ctx) {
        scope.addTable(null, null, alias(ctx.tableAlias()));
        scope = scope.subqueryScope(ctx.LATERAL_SYMBOL() != null);
    }

    @Override
    public void exitDerivedTable(MySqlParser.DerivedTableContext ctx) {
        scope = scope.parent();
    }

    @Override
    public void enterTableFunction(MySqlParser.TableFunctionContext ctx) {
        scope.addTable(null, null, alias(ctx.tableAlias()));
    }

    @Override
    public void enterCommonTableExpression(MySqlParser.CommonTableExpressionContext ctx) {
        cteNames.add(NamePart.of(ctx.identifier()).name());
        scope = scope.subqueryScope(false);
    }

    @Override
    public void exitCommonTableExpression(MySqlParser.CommonTableExpressionContext ctx) {
        scope = scope.parent();
    }

    private void addScopeTable(MySqlParser.QualifiedIdentifierContext name, MySqlParser.TableAliasContext alias) {
        String table = NamePart.of(name.dotIdentifier() != null ? name.dotIdentifier().identifier()
                : name.identifier()).name();
        boolean cte = name.dotIdentifier() == null && cteNames.contains(table);
        scope.addTable(cte ? null : tableId(name), table, alias(alias));
    }

    private static String alias(MySqlParser.TableAliasContext alias) {
        return alias == null ? null : NamePart.of(alias.identifier()).name();
    }

    /** The table a name denotes, unqualified names in the default database (null for the rare {@code .t} form). */
    TableId tableId(MySqlParser.QualifiedIdentifierContext name) {
        if (name == null) {
            return null;
        }
        if (name.dotIdentifier() != null) {
            return new TableId(NamePart.of(name.identifier()).name(), NamePart.of(name.dotIdentifier().identifier())
                    .name());
        }
        String table = NamePart.of(name.identifier()).name();
        if (defaultDatabase == null || defaultDatabase.isEmpty()) {
            throw new DdlRewriteException(statement, "Table name '" + table + "' is not qualified and there is no"
                    + " default database to resolve it against");
        }
        return new TableId(defaultDatabase, table);
    }
}
