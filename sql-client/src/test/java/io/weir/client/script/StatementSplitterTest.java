package io.weir.client.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(String script) {
        return StatementSplitter.split(script).stream().map(Statement::text).toList();
    }

    @Test
    void shouldSplitOnTopLevelSemicolonsOnly() {
        assertEquals(List.of("SELECT 1", "SELECT ';' AS s", "SELECT \"a;b\" FROM `t;u`"),
            texts("SELECT 1; SELECT ';' AS s;\nSELECT \"a;b\" FROM `t;u`;"));
    }

    @Test
    void shouldIgnoreSemicolonsInComments() {
        assertEquals(List.of("SELECT 1 -- not; here\n+ 1", "SELECT /* a; b */ 2"),
            texts("SELECT 1 -- not; here\n+ 1;\nSELECT /* a; b */ 2;"));
    }

    @Test
    void shouldTreatDoubledQuotesAsEscapes() {
        assertEquals(List.of("SELECT 'it''s; fine'", "SELECT 2"), texts("SELECT 'it''s; fine'; SELECT 2;"));
    }

    @Test
    void shouldKeepExecuteStatementSetBodyTogether() {
        String script = "EXECUTE STATEMENT SET BEGIN\n INSERT INTO a SELECT 1;\n INSERT INTO b SELECT 2;\nEND;\nSELECT 3;";
        List<String> t = texts(script);
        assertEquals(2, t.size(), t.toString());
        assertTrue(t.get(0).startsWith("EXECUTE STATEMENT SET BEGIN"));
        assertTrue(t.get(0).endsWith("END"));
        assertEquals("SELECT 3", t.get(1));
    }

    @Test
    void shouldSplitTheBeginStatementSetFormIntoSeparateStatements() {
        assertEquals(List.of("BEGIN STATEMENT SET", "INSERT INTO a SELECT 1", "END"),
            texts("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;"));
    }

    @Test
    void shouldDropCommentOnlyStatementsAndKeepATrailingStatement() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts("-- header\n;\n/* x */ SELECT 1;;\nSELECT 2"));
    }

    @Test
    void shouldReportWhereEachStatementStarts() {
        List<Statement> s = StatementSplitter.split("-- a comment\n\n  SELECT 1;\nSELECT\n  2;");
        assertEquals(3, s.get(0).line());
        assertEquals(3, s.get(0).column());
        assertEquals(4, s.get(1).line());
        assertEquals(1, s.get(1).column());
        assertArrayEquals(new int[] {3, 5}, s.get(0).toScriptPosition(1, 3));
        assertArrayEquals(new int[] {5, 3}, s.get(1).toScriptPosition(2, 3));
    }

    @Test
    void shouldReportAnIncompleteRemainderForTheRepl() {
        StatementSplitter.Split s = StatementSplitter.scan("SELECT 1; SELECT 'a;");
        assertEquals(1, s.complete().size());
        assertFalse(s.remainderIsBlank());
        assertTrue(StatementSplitter.scan("SELECT 1; -- done\n").remainderIsBlank());
    }
}
