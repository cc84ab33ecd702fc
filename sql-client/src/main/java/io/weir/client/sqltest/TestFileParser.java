package io.weir.client.sqltest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQL test files (documented in docs/sql-test-files.md).
 *
 * <pre>
 * # comments start with '#'
 * statement ok
 * CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3')
 *
 * statement error Unknown configuration key
 * SET 'no.such.key' = 'x'
 *
 * query rowsort
 * SELECT a, COUNT(*) FROM t GROUP BY a
 * ----
 * 1, 2
 * 2, 1
 * </pre>
 *
 * Records are separated by blank lines. A statement's text runs until the blank line (a trailing
 * {@code ;} is allowed); a query's text runs until {@code ----}, and its expected lines until the
 * next blank line or the end of the file.
 */
public final class TestFileParser {

    private TestFileParser() {
    }

    /** Parses the file's text; {@code source} names the file in errors. */
    public static List<TestCase> parse(String source, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<TestCase> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            if (line.startsWith("statement")) {
                TestCase.Kind kind;
                String expectedError = "";
                String rest = line.substring("statement".length()).trim();
                if (rest.equals("ok")) {
                    kind = TestCase.Kind.STATEMENT_OK;
                } else if (rest.startsWith("error")) {
                    kind = TestCase.Kind.STATEMENT_ERROR;
                    expectedError = rest.substring("error".length()).trim();
                } else {
                    throw new IllegalArgumentException(source + ":" + start + ": expected 'statement ok' or 'statement error [message]', found '" + line + "'");
                }
                StringBuilder sql = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].trim().isEmpty()) {
                    sql.append(lines[i]).append('\n');
                    i++;
                }
                cases.add(new TestCase(kind, stripSemicolon(sql.toString()), expectedError, List.of(), start));
                requireSql(source, start, sql);
            } else if (line.startsWith("input")) {
                String name = line.substring("input".length()).trim();
                if (name.isEmpty() || name.contains("..") || name.startsWith("/")) {
                    throw new IllegalArgumentException(source + ":" + start + ": 'input' takes a relative file name, e.g. 'input orders.csv'");
                }
                List<String> rows = new ArrayList<>();
                i++;
                while (i < lines.length && !lines[i].trim().isEmpty()) {
                    rows.add(lines[i]);
                    i++;
                }
                cases.add(new TestCase(TestCase.Kind.INPUT, name, "", rows, start));
            } else if (line.startsWith("query")) {
                String mode = line.substring("query".length()).trim();
                TestCase.Kind kind;
                switch (mode) {
                    case "":
                    case "rowsort": kind = TestCase.Kind.QUERY_ROWSORT; break;
                    case "ordered": kind = TestCase.Kind.QUERY_ORDERED; break;
                    case "changelog": kind = TestCase.Kind.QUERY_CHANGELOG; break;
                    default:
                        throw new IllegalArgumentException(source + ":" + start + ": unknown query mode '" + mode + "', expected rowsort, ordered or changelog");
                }
                StringBuilder sql = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].trim().equals("----")) {
                    if (lines[i].trim().isEmpty() && sql.length() > 0 && i + 1 < lines.length && lines[i + 1].trim().startsWith("query")) {
                        break;
                    }
                    sql.append(lines[i]).append('\n');
                    i++;
                }
                if (i >= lines.length || !lines[i].trim().equals("----")) {
                    throw new IllegalArgumentException(source + ":" + start + ": query without '----' before its expected results");
                }
                requireSql(source, start, sql);
                i++;
                List<String> expected = new ArrayList<>();
                while (i < lines.length && !lines[i].trim().isEmpty()) {
                    expected.add(lines[i].trim());
                    i++;
                }
                cases.add(new TestCase(kind, stripSemicolon(sql.toString()), "", expected, start));
            } else {
                throw new IllegalArgumentException(source + ":" + start + ": expected 'statement ok', 'statement error ...', 'query ...' or 'input FILE', found '" + line + "'");
            }
        }
        return cases;
    }

    private static void requireSql(String source, int line, StringBuilder sql) {
        if (sql.toString().isBlank()) {
            throw new IllegalArgumentException(source + ":" + line + ": record has no SQL");
        }
    }

    private static String stripSemicolon(String sql) {
        String s = sql.trim();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }
}
