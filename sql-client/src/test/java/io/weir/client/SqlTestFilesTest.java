package io.weir.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.client.sqltest.SqlTestRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs the project's own SQL test files (src/test/sqltest) through the same runner as {@code weir test}. */
class SqlTestFilesTest {
    static final Path DIR = Paths.get("src/test/sqltest");

    @TestFactory
    Stream<DynamicTest> projectSqlTestFiles() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(DIR)) {
            files = s.filter(f -> f.toString().endsWith(".sqltest")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no .sqltest files under " + DIR.toAbsolutePath());
        // Every file runs straight through on each backend, and at parallelism 2 (STYLE.md 13).
        List<Map<String, String>> setups = List.of(
            Map.of("state.backend.type", "hashmap"),
            Map.of("state.backend.type", "rocksdb"),
            Map.of("state.backend.type", "hashmap", "parallelism.default", "2"));
        return files.stream().flatMap(f -> setups.stream().map(setup -> DynamicTest.dynamicTest(DIR.relativize(f) + " " + setup, () -> {
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            List<SqlTestRunner.Outcome> outcomes = new SqlTestRunner(() -> new Configuration(setup),
                new PrintStream(report, true, StandardCharsets.UTF_8)).runFile(f);
            assertFalse(outcomes.isEmpty(), "no records in " + f);
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            assertEquals(0, failed, report.toString(StandardCharsets.UTF_8));
        })));
    }

    @TempDir
    Path tmp;

    @Test
    void shouldReportMismatchesWithADiffAndWriteJUnitXml() throws Exception {
        Path f = tmp.resolve("t.sqltest");
        Files.writeString(f, "statement ok\nSET 'parallelism.default' = '2'\n\n"
            + "statement error no such error text\nSET 'parallelism.default' = '3'\n\n"
            + "statement error Unknown configuration key\nSET 'nope' = '1'\n");
        Path xml = tmp.resolve("report.xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = WeirCli.run(System.out, System.err, "test", f.toString(), "--junit-xml", xml.toString());
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        assertTrue(text.contains("FAIL " + f + ":4"), text);
        assertTrue(text.contains("2 passed, 1 failed"), text);
        String report = Files.readString(xml);
        assertTrue(report.contains("tests=\"3\"") && report.contains("failures=\"1\""), report);
    }
}
