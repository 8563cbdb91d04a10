package io.ferry.common.ddl;

import io.debezium.ddl.parser.mysql.generated.MySqlLexer;
import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import io.ferry.common.TableId;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a parsed statement and sorts its identifiers into database, table and column names, with the scope each
 * column name is looked up in ({@link ScopeTracker}). Index, constraint, partition, routine, trigger, alias and
 * variable names are not collected: they are not mapped.
 */
final class IdentifierCollector extends ScopeTracker {

    /** What follows DROP or ALTER in an ALTER TABLE item that names no column. */
    private static final Set<Integer> NOT_COLUMN_ITEMS = Set.of(MySqlLexer.FOREIGN_SYMBOL,
            MySqlLexer.CONSTRAINT_SYMBOL, MySqlLexer.CHECK_SYMBOL, MySqlLexer.PRIMARY_SYMBOL, MySqlLexer.INDEX_SYMBOL,
            MySqlLexer.KEY_SYMBOL);

    private final CollectedNames names = new CollectedNames();

    IdentifierCollector(String defaultDatabase, String statement) {
        super(defaultDatabase, statement);
    }

    CollectedNames names() {
        return names;
    }

    @Override
    public void enterSelectAlias(MySqlParser.SelectAliasContext ctx) {
        String alias = ctx.identifier() != null ? NamePart.of(ctx.identifier()).name()
                : stripQuotes(ctx.textStringLiteral().getText());
        scope().addSelectAlias(alias);
    }

    @Override
    public void enterFunctionParameter(MySqlParser.FunctionParameterContext ctx) {
        names.addVariable(NamePart.unquote(ctx.parameterName().getText()));
    }

    @Override
    public void enterVariableDeclaration(MySqlParser.VariableDeclarationContext ctx) {
        ctx.identifierList().identifier().forEach(id -> names.addVariable(NamePart.of(id).name()));
    }

    // --- database and table names -------------------------------------------------------------------------

    @Override
    public void enterSchemaName(MySqlParser.SchemaNameContext ctx) {
        names.databases.add(new CollectedNames.DatabaseName(NamePart.of(ctx.identifier())));
    }

    @Override
    public void enterSchemaRef(MySqlParser.SchemaRefContext ctx) {
        names.databases.add(new CollectedNames.DatabaseName(NamePart.of(ctx.identifier())));
    }

    @Override
    public void enterTableName(MySqlParser.TableNameContext ctx) {
        addTableName(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterTableRef(MySqlParser.TableRefContext ctx) {
        addTableName(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterViewName(MySqlParser.ViewNameContext ctx) {
        addTableName(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterViewRef(MySqlParser.ViewRefContext ctx) {
        addTableName(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterProcedureName(MySqlParser.ProcedureNameContext ctx) {
        addRoutineDatabase(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterFunctionName(MySqlParser.FunctionNameContext ctx) {
        addRoutineDatabase(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterTriggerName(MySqlParser.TriggerNameContext ctx) {
        addRoutineDatabase(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterProcedureRef(MySqlParser.ProcedureRefContext ctx) {
        addRoutineDatabase(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterFunctionRef(MySqlParser.FunctionRefContext ctx) {
        addRoutineDatabase(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterTriggerRef(MySqlParser.TriggerRefContext ctx) {
        addRoutineDatabase(ctx.qualifiedIdentifier());
    }

    @Override
    public void enterFunctionCall(MySqlParser.FunctionCallContext ctx) {
        addRoutineDatabase(ctx.qualifiedIdentifier());
    }

    // --- column names -------------------------------------------------------------------------------------

    @Override
    public void enterColumnName(MySqlParser.ColumnNameContext ctx) {
        addColumn(ctx.identifier());
    }

    @Override
    public void enterColumnInternalRef(MySqlParser.ColumnInternalRefContext ctx) {
        if (!(ctx.getParent() instanceof MySqlParser.AlterListItemContext item) || namesColumns(item)) {
            addColumn(ctx.identifier());
        }
    }

    @Override
    public void enterAlterListItem(MySqlParser.AlterListItemContext ctx) {
        if (namesColumns(ctx)) {
            ctx.getRuleContexts(MySqlParser.IdentifierContext.class).forEach(this::addColumn);
        }
    }

    @Override
    public void enterKeyPart(MySqlParser.KeyPartContext ctx) {
        addColumn(ctx.identifier());
    }

    @Override
    public void enterPlace(MySqlParser.PlaceContext ctx) {
        addColumn(ctx.identifier());
    }

    @Override
    public void enterAlterOrderList(MySqlParser.AlterOrderListContext ctx) {
        ctx.identifier().forEach(this::addColumn);
    }

    @Override
    public void enterPartitionDefKey(MySqlParser.PartitionDefKeyContext ctx) {
        addColumns(ctx.identifierList());
    }

    @Override
    public void enterPartitionDefRangeList(MySqlParser.PartitionDefRangeListContext ctx) {
        addColumns(ctx.identifierList());
    }

    @Override
    public void enterSubPartitions(MySqlParser.SubPartitionsContext ctx) {
        if (ctx.identifierListWithParentheses() != null) {
            addColumns(ctx.identifierListWithParentheses().identifierList());
        }
    }

    @Override
    public void enterJoinedTable(MySqlParser.JoinedTableContext ctx) {
        if (ctx.identifierListWithParentheses() != null) {
            addColumns(ctx.identifierListWithParentheses().identifierList());
        }
    }

    @Override
    public void enterReferences(MySqlParser.ReferencesContext ctx) {
        if (ctx.identifierListWithParentheses() != null) {
            TableId referenced = tableId(ctx.tableRef().qualifiedIdentifier());
            for (MySqlParser.IdentifierContext id : ctx.identifierListWithParentheses().identifierList().identifier()) {
                names.columns.add(new CollectedNames.ColumnName(List.of(), NamePart.of(id), scope(), referenced));
            }
        }
    }

    @Override
    public void enterColumnRef(MySqlParser.ColumnRefContext ctx) {
        List<NamePart> parts = fieldParts(ctx.fieldIdentifier());
        NamePart column = parts.remove(parts.size() - 1);
        names.columns.add(new CollectedNames.ColumnName(parts, column, scope(), null));
    }

    @Override
    public void enterTableWild(MySqlParser.TableWildContext ctx) {
        List<NamePart> qualifiers = ctx.identifier().stream().map(NamePart::of).toList();
        names.columns.add(new CollectedNames.ColumnName(qualifiers, null, scope(), null));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** Whether an ALTER TABLE item's bare names are columns (not DROP FOREIGN KEY fk, DROP CHECK c, ...). */
    private static boolean namesColumns(MySqlParser.AlterListItemContext item) {
        int first = item.getStart().getType();
        if (first == MySqlLexer.ADD_SYMBOL || first == MySqlLexer.CHANGE_SYMBOL || first == MySqlLexer.MODIFY_SYMBOL) {
            return true;
        }
        if (first != MySqlLexer.DROP_SYMBOL && first != MySqlLexer.ALTER_SYMBOL && first != MySqlLexer.RENAME_SYMBOL
                || item.getChildCount() < 2) {
            return false;
        }
        int second = startType(item.getChild(1));
        if (second == MySqlLexer.COLUMN_SYMBOL) {
            return true;
        }
        return first != MySqlLexer.RENAME_SYMBOL && !NOT_COLUMN_ITEMS.contains(second);
    }

    private static int startType(ParseTree node) {
        return node instanceof TerminalNode terminal ? terminal.getSymbol().getType()
                : ((ParserRuleContext) node).getStart().getType();
    }

    private void addColumn(MySqlParser.IdentifierContext identifier) {
        if (identifier != null) {
            names.columns.add(new CollectedNames.ColumnName(List.of(), NamePart.of(identifier), scope(), null));
        }
    }

    private void addColumns(MySqlParser.IdentifierListContext list) {
        if (list != null) {
            list.identifier().forEach(this::addColumn);
        }
    }

    private void addTableName(MySqlParser.QualifiedIdentifierContext name) {
        if (name == null) {
            return;
        }
        if (name.dotIdentifier() != null) {
            names.tables.add(new CollectedNames.TableName(NamePart.of(name.identifier()),
                    NamePart.of(name.dotIdentifier().identifier())));
        } else if (!isCte(NamePart.of(name.identifier()).name())) {
            names.tables.add(new CollectedNames.TableName(null, NamePart.of(name.identifier())));
        }
    }

    private void addRoutineDatabase(MySqlParser.QualifiedIdentifierContext name) {
        if (name != null && name.dotIdentifier() != null) {
            names.databases.add(new CollectedNames.DatabaseName(NamePart.of(name.identifier())));
        }
    }

    private static String stripQuotes(String literal) {
        return literal.length() >= 2 ? literal.substring(1, literal.length() - 1) : literal;
    }

    private static List<NamePart> fieldParts(MySqlParser.FieldIdentifierContext field) {
        List<NamePart> parts = new ArrayList<>();
        MySqlParser.QualifiedIdentifierContext qualified = field.qualifiedIdentifier();
        if (qualified != null) {
            parts.add(NamePart.of(qualified.identifier()));
            if (qualified.dotIdentifier() != null) {
                parts.add(NamePart.of(qualified.dotIdentifier().identifier()));
            }
        }
        if (field.dotIdentifier() != null) {
            parts.add(NamePart.of(field.dotIdentifier().identifier()));
        }
        return parts;
    }


}
