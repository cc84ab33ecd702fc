package io.weir.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs scripts through the real command line and checks exit codes, output and errors. */
class ScriptEndToEndTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run weir(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WeirCli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path script(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static final String ORDERS = String.join("\n",
        "CREATE TABLE orders (",
        "  order_id BIGINT,",
        "  customer STRING COMMENT 'who ordered',",
        "  amount DECIMAL(10, 2),",
        "  ts TIMESTAMP(3),",
        "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,",
        "  PRIMARY KEY (order_id) NOT ENFORCED",
        ") WITH (",
        "  'connector' = 'datagen',",
        "  'number-of-rows' = '10'",
        ");");

    @Test
    void shouldRunCatalogStatementsAndPrintTheirResults() throws Exception {
        Path p = script("ddl.sql", ORDERS + "\nSHOW TABLES;\nDESCRIBE orders;\nSHOW CREATE TABLE orders;\n"
            + "SET 'parallelism.default' = '2';\nSET;\n");
        Run r = weir("-f", p.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| table name |"), r.out());
        assertTrue(r.out().contains("|     orders |"), r.out());
        assertTrue(r.out().contains("1 row in set"), r.out());
        assertTrue(r.out().contains("TIMESTAMP(3) *ROWTIME*"), r.out());
        assertTrue(r.out().contains("`ts` - INTERVAL '5' SECOND"), r.out());
        assertTrue(r.out().contains("CREATE TABLE `default_catalog`.`default_database`.`orders`"), r.out());
        assertTrue(r.out().matches("(?s).*\\|\\s+parallelism.default \\|\\s+2 \\|.*"), r.out());
    }

    @Test
    void shouldStopAtASyntaxErrorNamingFileLineAndColumn() throws Exception {
        Path p = script("bad.sql", "SHOW TABLES;\n\nSELECT *\n  FROM FROM orders;\nSHOW TABLES;\n");
        Run r = weir("-f", p.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.sql:4:8: SQL parse error at line 2, column 8: encountered \"FROM\""), r.err());
        assertTrue(r.err().contains("  FROM FROM orders"), r.err());
        assertEquals(1, r.out().split("weir> SHOW TABLES", -1).length - 1, "the statement after the error must not run: " + r.out());
    }

    @Test
    void shouldRejectUnknownConfigurationKeysWithASuggestion() throws Exception {
        Run set = weir("-f", script("set.sql", "SET 'parallelism.defualt' = '2';").toString());
        assertEquals(1, set.exitCode());
        assertTrue(set.err().contains("Unknown configuration key 'parallelism.defualt'. Did you mean 'parallelism.default'?"), set.err());
        Run flag = weir("-D", "parallelism.defualt=2", "-f", script("ok.sql", "SHOW TABLES;").toString());
        assertEquals(1, flag.exitCode());
        assertTrue(flag.err().contains("Did you mean 'parallelism.default'?"), flag.err());
    }

    @Test
    void shouldRejectABadValueNamingTheKey() throws Exception {
        Run r = weir("-f", script("v.sql", "SET 'parallelism.default' = 'many';").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("'parallelism.default'"), r.err());
    }

    @Test
    void shouldReportCatalogErrorsAndHonourIfExists() throws Exception {
        Path p = script("dup.sql", ORDERS + "\nCREATE TABLE IF NOT EXISTS orders (x INT) WITH ('connector' = 'datagen');\n"
            + "DROP TABLE IF EXISTS nope;\n" + ORDERS + "\n");
        Run r = weir("-f", p.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("dup.sql:14:"), r.err());
        assertTrue(r.err().toLowerCase().contains("already exists"), r.err());
    }

    @Test
    void shouldRunTheInitFileFirst() throws Exception {
        Path init = script("init.sql", ORDERS);
        Path main = script("main.sql", "DESCRIBE orders;");
        Run r = weir("-i", init.toString(), "-f", main.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("order_id"), r.out());
    }

    @Test
    void shouldFailClearlyOnAMissingScript() {
        Run r = weir("-f", dir.resolve("missing.sql").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Script file not found"), r.err());
    }

    @Test
    void whenRestoringFromAMissingCheckpoint_thenTheErrorNamesThePath() throws Exception {
        Path missing = dir.resolve("chk-1");
        Run r = weir("-s", missing.toString(), "-f", script("x.sql", String.join("\n", ORDERS,
            "CREATE TABLE sink (order_id BIGINT) WITH ('connector' = 'blackhole');",
            "INSERT INTO sink SELECT order_id FROM orders;")).toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("execution.state-recovery.path"), r.err());
    }

    @Test
    void shouldExitWithTwoOnBadUsage() {
        assertEquals(2, weir("--no-such-flag").exitCode());
        Run v = weir("--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.out().startsWith("weir "), v.out());
    }

    @Test
    void shouldKeepStatementSetsTogetherAndRequireInsertsInside() throws Exception {
        Run r = weir("-f", script("set.sql", "BEGIN STATEMENT SET;\nSHOW TABLES;\nEND;\n").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Only INSERT statements are allowed inside BEGIN STATEMENT SET"), r.err());
    }
}
