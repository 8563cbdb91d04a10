package io.ferry.common.ddl;

/**
 * A statement could not be rewritten (the parser rejected it, or an unqualified table name has no default
 * database to resolve against). Nothing was rewritten: callers never see a half-rewritten statement.
 */
public class DdlRewriteException extends RuntimeException {

    private static final int SHOWN_CHARS = 200;

    public DdlRewriteException(String statement, String problem) {
        super(problem + " in statement: " + excerpt(statement));
    }

    /** The statement's first 200 characters, for messages and logs. */
    static String excerpt(String statement) {
        return statement.length() <= SHOWN_CHARS ? statement : statement.substring(0, SHOWN_CHARS) + "...";
    }
}
