package io.weir.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.parser.ddl.SqlComputedColumn;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.parser.ddl.SqlDropTable;
import io.weir.parser.ddl.SqlDropView;
import io.weir.parser.ddl.SqlMetadataColumn;
import io.weir.parser.ddl.SqlRegularColumn;
import io.weir.parser.ddl.SqlReset;
import io.weir.parser.ddl.SqlSet;
import io.weir.parser.ddl.SqlStopJob;
import io.weir.parser.dml.SqlBeginStatementSet;
import io.weir.parser.dml.SqlEndStatementSet;
import io.weir.parser.dml.SqlStatementSet;
import io.weir.parser.dql.SqlRichDescribeTable;
import io.weir.parser.dql.SqlRichExplain;
import io.weir.parser.dql.SqlShowCreateTable;
import io.weir.parser.dql.SqlShowCreateView;
import io.weir.parser.dql.SqlShowFunctions;
import io.weir.parser.dql.SqlDescribeJob;
import io.weir.parser.dql.SqlShowCheckpoints;
import io.weir.parser.dql.SqlShowJobs;
import io.weir.parser.dql.SqlShowTables;
import io.weir.parser.dql.SqlShowViews;
import io.weir.parser.type.WeirCollectionTypeNameSpec;
import io.weir.parser.type.WeirMapTypeNameSpec;
import io.weir.parser.type.WeirRowTypeNameSpec;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class WeirSqlParserTest {

    /** Parses, unparses, parses the text again and checks both unparse to the same text. */
    private static SqlNode roundTrip(String sql) {
        SqlNode first = WeirSqlParser.parseStatement(sql);
        String text = WeirSqlParser.toSql(first);
        SqlNode second = WeirSqlParser.parseStatement(text);
        assertEquals(text, WeirSqlParser.toSql(second), "unparse of the re-parsed statement differs");
        return first;
    }

    private static final String FULL_TABLE = "CREATE TABLE orders (\n"
        + "  id BIGINT NOT NULL COMMENT 'order id',\n"
        + "  price DECIMAL(10, 2),\n"
        + "  buyer STRING,\n"
        + "  payload BYTES,\n"
        + "  ts TIMESTAMP(3),\n"
        + "  cost AS price * 2 COMMENT 'doubled',\n"
        + "  pt AS PROCTIME(),\n"
        + "  kts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,\n"
        + "  part INT METADATA,\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,\n"
        + "  PRIMARY KEY (id) NOT ENFORCED\n"
        + ") COMMENT 'all orders'\n"
        + "PARTITIONED BY (buyer)\n"
        + "WITH ('connector' = 'datagen', 'rows-per-second' = '10')";

    @Test
    void shouldParseCreateTableWithEveryKindOfElement() {
        SqlCreateTable t = (SqlCreateTable) roundTrip(FULL_TABLE);
        assertEquals("orders", t.getName().getSimple());
        assertEquals(9, t.getColumns().size());
        SqlRegularColumn id = (SqlRegularColumn) t.getColumns().get(0);
        assertEquals(Boolean.FALSE, id.getType().getNullable());
        assertEquals("order id", id.getCommentText());
        SqlComputedColumn cost = (SqlComputedColumn) t.getColumns().get(5);
        assertEquals("doubled", cost.getCommentText());
        SqlMetadataColumn kts = (SqlMetadataColumn) t.getColumns().get(7);
        assertEquals("timestamp", kts.getMetadataKey());
        assertTrue(kts.isVirtual());
        SqlMetadataColumn part = (SqlMetadataColumn) t.getColumns().get(8);
        assertNull(part.getMetadataKey());
        assertFalse(part.isVirtual());
        assertEquals("ts", t.getWatermark().getEventTimeColumn().getSimple());
        assertEquals(List.of("id"), t.getPrimaryKey().getColumnNames());
        assertFalse(t.getPrimaryKey().isEnforced());
        assertEquals(List.of("buyer"), t.getPartitionKeys());
        assertEquals("all orders", t.getComment());
        assertEquals("rows-per-second", t.getOptions().get(1).getKeyString());
        assertEquals("10", t.getOptions().get(1).getValueString());
        assertFalse(t.isTemporary());
        assertFalse(t.isIfNotExists());
    }

    @Test
    void shouldParseTemporaryTableIfNotExistsWithColumnLevelKey() {
        SqlCreateTable t = (SqlCreateTable) roundTrip(
            "CREATE TEMPORARY TABLE IF NOT EXISTS db.t (id INT PRIMARY KEY NOT ENFORCED, v STRING) WITH ('connector' = 'x')");
        assertTrue(t.isTemporary());
        assertTrue(t.isIfNotExists());
        assertEquals(List.of("db", "t"), t.getName().names);
        assertTrue(t.getPrimaryKey().isColumnLevel());
        assertEquals(List.of("id"), t.getPrimaryKey().getColumnNames());
    }

    @Test
    void shouldParseNamedConstraintAndTableWithoutOptions() {
        SqlCreateTable t = (SqlCreateTable) roundTrip(
            "CREATE TABLE t (a INT, b INT, CONSTRAINT pk_ab PRIMARY KEY (a, b) NOT ENFORCED)");
        assertEquals("pk_ab", t.getPrimaryKey().getConstraintName());
        assertEquals(List.of("a", "b"), t.getPrimaryKey().getColumnNames());
        assertTrue(t.getOptions().isEmpty());
    }

    @Test
    void whenPrimaryKeyLacksNotEnforced_thenItIsMarkedEnforced() {
        SqlCreateTable t = (SqlCreateTable) roundTrip("CREATE TABLE t (a INT, PRIMARY KEY (a))");
        assertTrue(t.getPrimaryKey().isEnforced());
    }

    @Test
    void whenTwoWatermarks_thenParseErrorNamesPosition() {
        SqlParseError e = assertThrows(SqlParseError.class, () -> WeirSqlParser.parseStatement(
            "CREATE TABLE t (ts TIMESTAMP(3),\n WATERMARK FOR ts AS ts,\n WATERMARK FOR ts AS ts)"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("only one WATERMARK"), e.getMessage());
    }

    @Test
    void shouldParseFlinkDataTypes() {
        SqlCreateTable t = (SqlCreateTable) roundTrip("CREATE TABLE t (\n"
            + " a ARRAY<INT NOT NULL>, m MAP<STRING, ARRAY<BIGINT>>, s MULTISET<STRING>,\n"
            + " r ROW<x INT, y STRING NOT NULL>, r2 ROW(x INT, y ROW<z DOUBLE>) NOT NULL,\n"
            + " l TIMESTAMP_LTZ(3), l2 TIMESTAMP(6) WITH LOCAL TIME ZONE, o INT ARRAY,\n"
            + " c CHAR(3), v VARCHAR(20), d DATE, tm TIME(3), b BOOLEAN, f FLOAT, dd DOUBLE, ti TINYINT, si SMALLINT)");
        List<SqlNode> cols = List.copyOf(t.getColumns());
        WeirCollectionTypeNameSpec a = (WeirCollectionTypeNameSpec) ((SqlRegularColumn) cols.get(0)).getType().getTypeNameSpec();
        assertEquals(SqlTypeName.ARRAY, a.getCollectionType());
        assertEquals(Boolean.FALSE, a.getElementType().getNullable());
        WeirMapTypeNameSpec m = (WeirMapTypeNameSpec) ((SqlRegularColumn) cols.get(1)).getType().getTypeNameSpec();
        assertInstanceOf(WeirCollectionTypeNameSpec.class, m.getValueType().getTypeNameSpec());
        WeirRowTypeNameSpec r = (WeirRowTypeNameSpec) ((SqlRegularColumn) cols.get(3)).getType().getTypeNameSpec();
        assertEquals(List.of("x", "y"), r.getFieldNames());
        assertEquals(Boolean.FALSE, r.getFieldTypes().get(1).getNullable());
        SqlRegularColumn r2 = (SqlRegularColumn) cols.get(4);
        assertEquals(Boolean.FALSE, r2.getType().getNullable());
        SqlBasicTypeNameSpec l = (SqlBasicTypeNameSpec) ((SqlRegularColumn) cols.get(5)).getType().getTypeNameSpec();
        assertEquals(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE.name(), l.getTypeName().getSimple());
        assertEquals(3, l.getPrecision());
        String text = WeirSqlParser.toSql(t);
        assertTrue(text.contains("ARRAY<INTEGER NOT NULL>"), text);
        assertTrue(text.contains("ROW<`x` INTEGER, `y` STRING NOT NULL>"), text);
        assertTrue(text.contains("TIMESTAMP(3) WITH LOCAL TIME ZONE"), text);
        assertTrue(text.contains("MAP<STRING, ARRAY<BIGINT>>"), text);
        assertTrue(text.contains("ROW<`x` INTEGER, `y` ROW<`z` DOUBLE>> NOT NULL"), text);
    }

    @Test
    void shouldParseCastToFlinkTypes() {
        SqlSelect s = (SqlSelect) roundTrip(
            "SELECT CAST(a AS STRING), CAST(b AS BYTES), CAST(c AS TIMESTAMP_LTZ(3)), CAST(d AS ARRAY<INT>) FROM t");
        assertEquals(4, s.getSelectList().size());
    }

    @Test
    void shouldKeepIdentifierCaseAndAcceptBackticksAndLongNames() {
        String longName = "c".repeat(300);
        SqlSelect s = (SqlSelect) roundTrip("SELECT MyCol, `select`, " + longName + " FROM `My Table`");
        assertEquals("MyCol", s.getSelectList().get(0).toString());
        assertEquals("`My Table`", WeirSqlParser.toSql(s.getFrom()));
    }

    @Test
    void shouldParseCreateView() {
        SqlCreateView v = (SqlCreateView) roundTrip(
            "CREATE TEMPORARY VIEW IF NOT EXISTS v (a, b) AS SELECT x, y FROM t WHERE x > 1");
        assertTrue(v.isTemporary());
        assertTrue(v.isIfNotExists());
        assertEquals(List.of("a", "b"), v.getColumnNames());
        assertInstanceOf(SqlSelect.class, v.getQuery());
        SqlCreateView plain = (SqlCreateView) roundTrip("CREATE VIEW v AS SELECT 1");
        assertTrue(plain.getColumnNames().isEmpty());
        assertFalse(plain.isTemporary());
    }

    @Test
    void shouldParseDropTableAndView() {
        SqlDropTable dt = (SqlDropTable) roundTrip("DROP TABLE IF EXISTS t");
        assertTrue(dt.isIfExists());
        SqlDropTable dtt = (SqlDropTable) roundTrip("DROP TEMPORARY TABLE t");
        assertTrue(dtt.isTemporary());
        assertFalse(dtt.isIfExists());
        SqlDropView dv = (SqlDropView) roundTrip("DROP VIEW v");
        assertEquals("v", dv.getName().getSimple());
    }

    @Test
    void shouldParseSetAndReset() {
        SqlSet all = (SqlSet) roundTrip("SET");
        assertNull(all.getKeyString());
        SqlSet one = (SqlSet) roundTrip("SET 'parallelism.default' = '4'");
        assertEquals("parallelism.default", one.getKeyString());
        assertEquals("4", one.getValueString());
        assertNull(((SqlReset) roundTrip("RESET")).getKeyString());
        assertEquals("a.b", ((SqlReset) roundTrip("RESET 'a.b'")).getKeyString());
        assertInstanceOf(SqlSetOption.class, roundTrip("SET x = 10"));
        assertInstanceOf(SqlSetOption.class, roundTrip("RESET ALL"));
    }

    @Test
    void shouldParseShowStatements() {
        assertInstanceOf(SqlShowTables.class, roundTrip("SHOW TABLES"));
        assertInstanceOf(SqlShowViews.class, roundTrip("SHOW VIEWS"));
        assertInstanceOf(SqlShowFunctions.class, roundTrip("SHOW FUNCTIONS"));
        assertInstanceOf(SqlShowJobs.class, roundTrip("show jobs"));
        assertEquals("t", ((SqlShowCreateTable) roundTrip("SHOW CREATE TABLE t")).getName().getSimple());
        assertEquals("v", ((SqlShowCreateView) roundTrip("SHOW CREATE VIEW v")).getName().getSimple());
    }

    @Test
    void shouldParseDescribe() {
        SqlRichDescribeTable d = (SqlRichDescribeTable) roundTrip("DESCRIBE orders");
        assertEquals("orders", d.getName().getSimple());
        assertFalse(d.isExtended());
        assertTrue(((SqlRichDescribeTable) roundTrip("DESC EXTENDED cat.db.orders")).isExtended());
    }

    @Test
    void shouldParseShowCheckpointsAndDescribeJob() {
        assertEquals("a1b2", ((SqlShowCheckpoints) roundTrip("SHOW CHECKPOINTS 'a1b2'")).getJobId());
        assertEquals("a1b2", ((SqlDescribeJob) roundTrip("DESCRIBE JOB 'a1b2'")).getJobId());
        assertEquals("x", ((SqlDescribeJob) roundTrip("desc job 'x'")).getJobId());
        // JOB stays usable as a table name
        assertEquals("job", ((SqlRichDescribeTable) roundTrip("DESCRIBE job")).getName().getSimple());
        assertEquals("checkpoints", ((SqlRichDescribeTable) roundTrip("DESCRIBE sys.checkpoints")).getName().names.get(1));
    }

    @Test
    void shouldParseExplain() {
        SqlRichExplain e = (SqlRichExplain) roundTrip("EXPLAIN SELECT * FROM t");
        assertInstanceOf(SqlSelect.class, e.getStatement());
        assertInstanceOf(SqlInsert.class, ((SqlRichExplain) roundTrip("EXPLAIN PLAN FOR INSERT INTO s SELECT * FROM t")).getStatement());
        assertInstanceOf(SqlStatementSet.class, ((SqlRichExplain) roundTrip(
            "EXPLAIN STATEMENT SET BEGIN INSERT INTO s SELECT * FROM t; END")).getStatement());
    }

    @Test
    void shouldParseInsertAndExecuteInsert() {
        SqlInsert i = (SqlInsert) roundTrip("INSERT INTO s (a, b) SELECT x, y FROM t");
        assertEquals(2, i.getTargetColumnList().size());
        assertInstanceOf(SqlInsert.class, roundTrip("EXECUTE INSERT INTO s SELECT * FROM t"));
    }

    @Test
    void shouldParseStatementSets() {
        SqlStatementSet set = (SqlStatementSet) roundTrip(
            "EXECUTE STATEMENT SET BEGIN\n INSERT INTO a SELECT * FROM t;\n INSERT INTO b SELECT * FROM t;\nEND");
        assertEquals(2, set.getInserts().size());
        assertInstanceOf(SqlBeginStatementSet.class, roundTrip("BEGIN STATEMENT SET"));
        assertInstanceOf(SqlEndStatementSet.class, roundTrip("END"));
    }

    @Test
    void shouldParseStopJob() {
        SqlStopJob plain = (SqlStopJob) roundTrip("STOP JOB 'abc'");
        assertEquals("abc", plain.getJobId());
        assertFalse(plain.isWithSavepoint());
        SqlStopJob both = (SqlStopJob) roundTrip("STOP JOB 'abc' WITH SAVEPOINT WITH DRAIN");
        assertTrue(both.isWithSavepoint());
        assertTrue(both.isWithDrain());
        assertTrue(((SqlStopJob) roundTrip("STOP JOB 'x' WITH DRAIN")).isWithDrain());
    }

    @Test
    void shouldParseWindowingTableFunctions() {
        roundTrip("SELECT window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
            + " GROUP BY window_start, window_end");
        roundTrip("SELECT * FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))");
        roundTrip("SELECT * FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' MINUTE, INTERVAL '10' MINUTE))");
        roundTrip("SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY item, DESCRIPTOR(ts), INTERVAL '5' MINUTE))");
        roundTrip("SELECT * FROM TABLE(TUMBLE(DATA => TABLE bids, TIMECOL => DESCRIPTOR(ts), SIZE => INTERVAL '1' HOUR))");
    }

    @Test
    void shouldParseTemporalJoinAndMatchRecognize() {
        roundTrip("SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur");
        roundTrip("SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY ts"
            + " MEASURES A.price AS a_price, LAST(B.price) AS b_price ONE ROW PER MATCH"
            + " AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+) DEFINE B AS B.price < A.price)");
    }

    @Test
    void shouldKeepWeirKeywordsUsableAsNamesAndFunctions() {
        roundTrip("SELECT IF(a > 1, 'x', 'y'), string, tables, jobs, metadata, watermark, comment FROM t");
        roundTrip("CREATE TABLE t (string STRING, `timestamp` TIMESTAMP(3), comment STRING COMMENT 'c')");
        roundTrip("SELECT * FROM t /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */ WHERE a <> 1 LIMIT 10");
        roundTrip("SELECT a % 2, a != 1 FROM t");
    }

    @Test
    void shouldParseScriptOfStatements() {
        SqlNodeList list = WeirSqlParser.parseStatements(
            "CREATE TABLE t (a INT) WITH ('connector' = 'x');\nSHOW TABLES;\nSET 'a' = 'b';\n");
        assertEquals(3, list.size());
        SqlNodeList bare = WeirSqlParser.parseStatements("SET;\nRESET;\nSHOW TABLES;");
        assertInstanceOf(SqlSet.class, bare.get(0));
        assertInstanceOf(SqlReset.class, bare.get(1));
        assertInstanceOf(SqlShowTables.class, bare.get(2));
    }

    @Test
    void shouldParseStatementSetMarkersInAScript() {
        SqlNodeList list = WeirSqlParser.parseStatements("BEGIN STATEMENT SET;\n"
            + "INSERT INTO a SELECT * FROM t;\nINSERT INTO b SELECT * FROM t;\nEND;");
        assertEquals(4, list.size());
        assertInstanceOf(SqlBeginStatementSet.class, list.get(0));
        assertInstanceOf(SqlInsert.class, list.get(1));
        assertInstanceOf(SqlEndStatementSet.class, list.get(3));
        SqlNodeList executed = WeirSqlParser.parseStatements(
            "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM t; INSERT INTO b SELECT * FROM t; END;\nSHOW JOBS;");
        assertEquals(2, executed.size());
        assertEquals(2, ((SqlStatementSet) executed.get(0)).getInserts().size());
    }

    @Test
    void whenSyntaxError_thenErrorNamesLineColumnTokenAndExpectations() {
        SqlParseError e = assertThrows(SqlParseError.class,
            () -> WeirSqlParser.parseStatement("SELECT a,\n  b\n  FROMM t"));
        assertEquals(3, e.line());
        assertEquals(9, e.column());
        assertTrue(e.getMessage().startsWith("SQL parse error at line 3, column 9: encountered \"t\", expected one of "),
            e.getMessage());
    }

    @Test
    void whenKeywordIsWrongAfterALookahead_thenErrorPointsAtIt() {
        SqlParseError e = assertThrows(SqlParseError.class, () -> WeirSqlParser.parseStatement("SHOW TABLEZ"));
        assertEquals("SQL parse error at line 1, column 6: encountered \"TABLEZ\", expected one of "
            + "\"CHECKPOINTS\", \"CREATE\", \"FUNCTIONS\", \"JOBS\", \"TABLES\", \"VIEWS\"", e.getMessage());
    }

    @Test
    void whenIdentifierIsMissing_thenIdentifierKindsAreCollapsed() {
        SqlParseError e = assertThrows(SqlParseError.class, () -> WeirSqlParser.parseStatement("DROP TABLE"));
        assertEquals("SQL parse error at line 1, column 10: encountered end of input, expected <IDENTIFIER>", e.getMessage());
    }

    @Test
    void whenStatementIsCutShort_thenErrorSaysEndOfInput() {
        SqlParseError e = assertThrows(SqlParseError.class,
            () -> WeirSqlParser.parseStatement("CREATE TABLE t (a INT"));
        assertTrue(e.getMessage().contains("encountered end of input, expected"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void whenExpectedListIsLong_thenItIsShortened() {
        SqlParseError e = assertThrows(SqlParseError.class, () -> WeirSqlParser.parseStatement("SELECT FROM"));
        assertTrue(e.getMessage().startsWith("SQL parse error at line 1, column 8: encountered \"FROM\", expected one of "),
            e.getMessage());
        assertTrue(e.getMessage().endsWith(", ..."), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void whenLexicalError_thenPositionIsKept() {
        SqlParseError e = assertThrows(SqlParseError.class, () -> WeirSqlParser.parseStatement("SELECT `abc FROM t"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("SQL parse error at line 1, column 19: unexpected <EOF> after \"`abc FROM t\""),
            e.getMessage());
        assertTrue(e.getMessage().endsWith("(an unterminated quote?)"), e.getMessage());
    }

    @Test
    void shouldParseExpression() {
        assertEquals("`ts` - INTERVAL '5' SECOND",
            WeirSqlParser.toSql(WeirSqlParser.parseExpression("ts - INTERVAL '5' SECOND")));
    }
}
