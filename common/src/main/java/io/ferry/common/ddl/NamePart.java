package io.ferry.common.ddl;

import io.debezium.ddl.parser.mysql.generated.MySqlParser.IdentifierContext;
import org.antlr.v4.runtime.Token;

/** One identifier of the statement: its token (to rewrite) and the name it denotes (quotes removed). */
record NamePart(Token token, String name) {

    static NamePart of(IdentifierContext identifier) {
        return new NamePart(identifier.getStart(), unquote(identifier.getText()));
    }

    static String unquote(String text) {
        if (text.length() >= 2 && text.charAt(0) == '`' && text.charAt(text.length() - 1) == '`') {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        if (text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"') {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }
}
