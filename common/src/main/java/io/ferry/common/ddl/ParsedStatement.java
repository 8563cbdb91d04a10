package io.ferry.common.ddl;

import io.debezium.antlr.mysql.SqlMode;
import io.debezium.ddl.parser.mysql.generated.MySqlLexer;
import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.EnumSet;

/** A statement parsed with Debezium's MySQL grammar (the MySQL Workbench grammar), failing on any syntax error. */
record ParsedStatement(ParseTree tree, CommonTokenStream tokens) {

    /** Parses in the server's default SQL mode, where double quotes delimit strings, not names. */
    static ParsedStatement parse(String statement) {
        FirstError error = new FirstError();
        MySqlLexer lexer = new MySqlLexer(ParserCharStream.of(statement));
        lexer.sqlModes = EnumSet.noneOf(SqlMode.class);
        lexer.removeErrorListeners();
        lexer.addErrorListener(error);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        MySqlParser parser = new MySqlParser(tokens);
        parser.sqlModes = EnumSet.noneOf(SqlMode.class);
        parser.removeErrorListeners();
        parser.addErrorListener(error);
        ParseTree tree = parser.queries();
        if (error.message != null) {
            throw new DdlRewriteException(statement, "The MySQL grammar cannot parse it (" + error.message + ")");
        }
        return new ParsedStatement(tree, tokens);
    }

    private static final class FirstError extends BaseErrorListener {
        private String message;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            if (message == null) {
                message = "line " + line + ":" + column + " " + shorten(msg);
            }
        }

        /** ANTLR lists every expected token; a few hundred of them say nothing to a user. */
        private static String shorten(String msg) {
            int expecting = msg.indexOf(" expecting {");
            return expecting > 0 && msg.length() - expecting > 120 ? msg.substring(0, expecting) : msg;
        }
    }
}
