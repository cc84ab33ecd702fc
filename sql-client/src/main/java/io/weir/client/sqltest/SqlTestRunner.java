package io.weir.client.sqltest;

import io.weir.client.Changelogs;
import io.weir.client.QueryResult;
import io.weir.client.Session;
import io.weir.client.StatementException;
import io.weir.client.print.ValueFormatter;
import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.data.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs SQL test files: each file in a fresh session, its records in order. A failing record is
 * reported with a readable diff and the run goes on with the next record.
 */
public final class SqlTestRunner {
    private final Supplier<Configuration> baseConfiguration;
    private final PrintStream report;

    public SqlTestRunner(Supplier<Configuration> baseConfiguration, PrintStream report) {
        this.baseConfiguration = baseConfiguration;
        this.report = report;
    }

    /** The outcome of one record. */
    public record Outcome(Path file, TestCase testCase, String failure, long millis) {
        public boolean passed() {
            return failure == null;
        }

        public String name() {
            return file.getFileName() + ":" + testCase.line();
        }
    }

    /** Runs one file and returns an outcome per record (or one failure if the file cannot be read). */
    public List<Outcome> runFile(Path file) {
        List<TestCase> cases;
        try {
            cases = TestFileParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            TestCase whole = new TestCase(TestCase.Kind.STATEMENT_OK, "", "", List.of(), 1);
            return List.of(new Outcome(file, whole, "cannot read test file: " + e.getMessage(), 0));
        }
        List<Outcome> outcomes = new ArrayList<>();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Path tmp;
        try {
            tmp = Files.createTempDirectory("weir-sqltest-");
        } catch (IOException e) {
            TestCase whole = new TestCase(TestCase.Kind.STATEMENT_OK, "", "", List.of(), 1);
            return List.of(new Outcome(file, whole, "cannot create a temporary directory: " + e.getMessage(), 0));
        }
        try (Session session = new Session(baseConfiguration.get(), silent, silent)) {
            for (TestCase tc : cases) {
                long start = System.nanoTime();
                String failure = tc.kind() == TestCase.Kind.INPUT ? writeInput(tmp, tc) : run(session, withTmp(tc, tmp));
                Outcome o = new Outcome(file, tc, failure, (System.nanoTime() - start) / 1_000_000);
                outcomes.add(o);
                if (failure != null) {
                    report.println("FAIL " + file + ":" + tc.line());
                    for (String l : failure.split("\n")) {
                        report.println("    " + l);
                    }
                }
            }
        }
        deleteRecursively(tmp);
        return outcomes;
    }

    /** Writes an {@code input} record's lines to its file under the run's temporary directory. */
    private static String writeInput(Path tmp, TestCase tc) {
        try {
            Path target = tmp.resolve(tc.sql());
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.write(target, tc.expected(), StandardCharsets.UTF_8);
            return null;
        } catch (IOException e) {
            return "cannot write input file " + tc.sql() + ": " + e.getMessage();
        }
    }

    /** Replaces {@code ${tmp}} in the record's SQL with this run's temporary directory. */
    private static TestCase withTmp(TestCase tc, Path tmp) {
        if (!tc.sql().contains("${tmp}")) {
            return tc;
        }
        return new TestCase(tc.kind(), tc.sql().replace("${tmp}", tmp.toString()), tc.expectedError(), tc.expected(), tc.line());
    }

    private static void deleteRecursively(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    private static String run(Session session, TestCase tc) {
        switch (tc.kind()) {
            case STATEMENT_OK:
                try {
                    session.execute(tc.sql());
                    return null;
                } catch (StatementException e) {
                    return "statement failed: " + e.getMessage();
                }
            case STATEMENT_ERROR:
                try {
                    session.execute(tc.sql());
                    return "statement succeeded, but an error" + (tc.expectedError().isEmpty() ? "" : " containing '" + tc.expectedError() + "'") + " was expected";
                } catch (StatementException e) {
                    if (e.getMessage() != null && e.getMessage().contains(tc.expectedError())) {
                        return null;
                    }
                    return "expected an error containing '" + tc.expectedError() + "', got: " + e.getMessage();
                }
            default:
                return runQuery(session, tc);
        }
    }

    private static String runQuery(Session session, TestCase tc) {
        QueryResult result;
        try {
            result = session.runQuery(tc.sql());
        } catch (StatementException e) {
            return "query failed: " + e.getMessage();
        }
        ValueFormatter formatter = new ValueFormatter(session.timeZone());
        List<String> actual = new ArrayList<>();
        if (tc.kind() == TestCase.Kind.QUERY_CHANGELOG) {
            for (Row r : result.changelog()) {
                actual.add(r.getKind().shortString() + "[" + format(r, result, formatter) + "]");
            }
        } else {
            List<Row> rows;
            try {
                rows = Changelogs.materialize(result.changelog());
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
            for (Row r : rows) {
                actual.add(format(r, result, formatter));
            }
        }
        List<String> expected = new ArrayList<>(tc.expected());
        boolean parallel = session.configuration().get(io.weir.planner.PlannerOptions.PARALLELISM_DEFAULT) > 1;
        if (parallel && tc.kind() == TestCase.Kind.QUERY_CHANGELOG) {
            // At parallelism > 1 the interleaving of subtasks changes intermediate updates
            // downstream; only the changelog's final result is determined.
            try {
                actual = materializeLines(actual);
                expected = materializeLines(expected);
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }
        if (tc.kind() == TestCase.Kind.QUERY_ROWSORT || parallel) {
            // at parallelism > 1 rows from different subtasks interleave in no fixed order
            Collections.sort(actual);
            Collections.sort(expected);
        }
        if (actual.equals(expected)) {
            return null;
        }
        return "results differ (- expected, + actual):\n" + LineDiff.diff(expected, actual);
    }

    /** Applies a changelog written as {@code +I[...]} lines; returns the remaining rows' contents. */
    static List<String> materializeLines(List<String> changelog) {
        List<String> rows = new ArrayList<>();
        for (String line : changelog) {
            if (line.length() < 4 || line.charAt(2) != '[' || !line.endsWith("]")) {
                throw new IllegalStateException("not a changelog line (expected +I[...], -U[...], +U[...] or -D[...]): " + line);
            }
            String kind = line.substring(0, 2);
            String content = line.substring(3, line.length() - 1);
            if (kind.equals("+I") || kind.equals("+U")) {
                rows.add(content);
            } else if (!rows.remove(content)) {
                throw new IllegalStateException("the changelog retracts a row that is not in the result: " + line);
            }
        }
        return rows;
    }

    private static String format(Row r, QueryResult result, ValueFormatter formatter) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.arity(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = r.getField(i);
            sb.append(v == null ? "NULL" : formatter.format(v, result.types().get(i)));
        }
        return sb.toString();
    }

}
