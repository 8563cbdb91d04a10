package io.ferry.common.ddl;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The statement as the MySQL lexer should see it, while token texts stay the original text. The lexer reads
 * a lower-cased copy (the grammar's keywords are case-insensitive, but its hex and bit literals such as
 * {@code X'FF'} and {@code B'1'} match in lower case only, which is why Debezium lower-cases the stream for this
 * grammar) in which double-quoted strings are turned into single-quoted ones of the same length (the grammar's
 * expression rules mistake them for identifiers). Positions are unchanged, so every token's text is its
 * original text.
 */
final class ParserCharStream implements CharStream {

    private final CodePointCharStream original;
    private final int[] seen;

    private ParserCharStream(String statement) {
        this.original = CharStreams.fromString(statement);
        this.seen = normalize(statement.codePoints().toArray());
    }

    static CharStream of(String statement) {
        return new ParserCharStream(statement);
    }

    @Override
    public int LA(int offset) {
        int c = original.LA(offset);
        if (c == IntStream.EOF || c == 0) {
            return c;
        }
        int position = original.index() + (offset > 0 ? offset - 1 : offset);
        return seen[position];
    }

    @Override
    public String getText(Interval interval) {
        return original.getText(interval);
    }

    @Override
    public void consume() {
        original.consume();
    }

    @Override
    public int mark() {
        return original.mark();
    }

    @Override
    public void release(int marker) {
        original.release(marker);
    }

    @Override
    public int index() {
        return original.index();
    }

    @Override
    public void seek(int index) {
        original.seek(index);
    }

    @Override
    public int size() {
        return original.size();
    }

    @Override
    public String getSourceName() {
        return original.getSourceName();
    }

    /** Lower-cases and re-quotes double-quoted strings; comments, quoted names and '...' strings are skipped. */
    private static int[] normalize(int[] text) {
        int[] out = new int[text.length];
        for (int i = 0; i < text.length; i++) {
            out[i] = Character.toLowerCase(text[i]);
        }
        int i = 0;
        while (i < text.length) {
            int c = text[i];
            if (c == '\'' || c == '`') {
                i = closing(text, i, c) + 1;
            } else if (c == '"') {
                int end = closing(text, i, '"');
                out[i] = '\'';
                for (int j = i + 1; j < end; j++) {
                    if (text[j] == '\'') {
                        out[j] = '"';
                    }
                }
                if (end < text.length) {
                    out[end] = '\'';
                }
                i = end + 1;
            } else if (c == '#' || c == '-' && at(text, i + 1) == '-' && isSpaceOrEnd(at(text, i + 2))) {
                while (i < text.length && text[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && at(text, i + 1) == '*' && at(text, i + 2) != '!') {
                i += 2;
                while (i < text.length && !(text[i] == '*' && at(text, i + 1) == '/')) {
                    i++;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Index of the quote closing the one at {@code open} (doubled quotes and backslash escapes skipped). */
    private static int closing(int[] text, int open, int quote) {
        int i = open + 1;
        while (i < text.length) {
            if (text[i] == '\\' && quote != '`') {
                i += 2;
            } else if (text[i] == quote) {
                if (at(text, i + 1) == quote) {
                    i += 2;
                } else {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length;
    }

    private static int at(int[] text, int i) {
        return i < text.length ? text[i] : -1;
    }

    private static boolean isSpaceOrEnd(int c) {
        return c == -1 || Character.isWhitespace(c);
    }
}
