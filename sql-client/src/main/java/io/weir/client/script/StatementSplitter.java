package io.weir.client.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL script text into statements at top-level semicolons.
 *
 * <p>A semicolon does not end a statement inside a string literal ({@code '...'} with {@code ''}
 * as escape), a quoted identifier ({@code "..."} or {@code `...`}), a line comment
 * ({@code -- ...}) or a block comment ({@code /* ... *}{@code /}), nor inside the body of
 * {@code EXECUTE STATEMENT SET BEGIN ... END}, which is one statement. Statements that hold only
 * comments and whitespace are dropped. Leading comments are trimmed off a statement, so that its
 * reported position is where its first keyword is.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /** The result of scanning text that may end in the middle of a statement (for the REPL). */
    public record Split(List<Statement> complete, String remainder, boolean remainderIsBlank) {
    }

    /** Splits a whole script; a trailing statement without a semicolon is kept. */
    public static List<Statement> split(String script) {
        Split s = scan(script);
        List<Statement> all = new ArrayList<>(s.complete());
        if (!s.remainderIsBlank()) {
            Statement last = trimmed(script, script.length() - s.remainder().length(), script.length());
            if (last != null) {
                all.add(last);
            }
        }
        return all;
    }

    /**
     * Scans text and returns the statements completed by a semicolon, plus what follows the last
     * one. The REPL keeps reading lines while the remainder is not blank.
     */
    public static Split scan(String text) {
        List<Statement> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        int statementSetDepth = 0; // inside EXECUTE STATEMENT SET BEGIN ... END
        List<String> words = new ArrayList<>(); // top-level words of the current statement
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, c);
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                String w = text.substring(i, j).toUpperCase(Locale.ROOT);
                words.add(w);
                if (w.equals("BEGIN") && isExecuteStatementSet(words)) {
                    statementSetDepth = 1;
                } else if (w.equals("END") && statementSetDepth > 0) {
                    statementSetDepth = 0;
                }
                i = j;
            } else if (c == ';' && statementSetDepth == 0) {
                Statement st = trimmed(text, start, i);
                if (st != null) {
                    out.add(st);
                }
                words.clear();
                start = i + 1;
                i++;
            } else {
                i++;
            }
        }
        String remainder = text.substring(Math.min(start, n));
        return new Split(out, remainder, trimmed(text, start, n) == null);
    }

    private static boolean isExecuteStatementSet(List<String> words) {
        return words.size() == 4 && words.get(0).equals("EXECUTE") && words.get(1).equals("STATEMENT")
            && words.get(2).equals("SET");
    }

    /** Index just past the closing quote; {@code ''} (or a doubled quote) is an escaped quote. */
    private static int skipQuoted(String text, int open, char quote) {
        int i = open + 1;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == quote) {
                if (i + 1 < n && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n; // unterminated: the rest of the text belongs to the literal
    }

    /**
     * The statement in {@code [from, to)} with leading whitespace and comments and trailing
     * whitespace removed, or null when nothing but comments and whitespace is there.
     */
    private static Statement trimmed(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
                while (i < to && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 || end + 2 > to ? to : end + 2;
            } else {
                break;
            }
        }
        if (i >= to) {
            return null;
        }
        int end = to;
        while (end > i && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Statement(text.substring(i, end), line, i - lineStart + 1);
    }
}
