package io.weir.planner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.functions.WeirOperatorTable;
import io.weir.parser.WeirSqlParser;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.parser.ddl.SqlDropTable;
import io.weir.parser.ddl.SqlDropView;
import io.weir.parser.dql.SqlRichDescribeTable;
import io.weir.parser.dql.SqlShowCreateTable;
import io.weir.parser.dql.SqlShowCreateView;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.schema.TableDescriptor;
import io.weir.planner.schema.ViewDescriptor;
import io.weir.runtime.types.DataType;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

class InMemoryCatalogTest {
    private final InMemoryCatalog catalog = new InMemoryCatalog(WeirOperatorTable.instance());

    private static final String ORDERS = "CREATE TABLE orders (\n"
        + "  id BIGINT COMMENT 'order id',\n"
        + "  price DECIMAL(10, 2),\n"
        + "  buyer STRING NOT NULL,\n"
        + "  ts TIMESTAMP(3),\n"
        + "  cost AS price * 2,\n"
        + "  pt AS PROCTIME(),\n"
        + "  kts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,\n"
        + "  part INT METADATA,\n"
        + "  tags ARRAY<STRING NOT NULL>,\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,\n"
        + "  PRIMARY KEY (id) NOT ENFORCED\n"
        + ") COMMENT 'all the orders'\n"
        + "PARTITIONED BY (buyer)\n"
        + "WITH ('connector' = 'datagen', 'rows-per-second' = '10', 'quote' = 'it''s')";

    private boolean execute(String sql) {
        SqlNode node = WeirSqlParser.parseStatement(sql);
        if (node instanceof SqlCreateTable) {
            return catalog.createTable((SqlCreateTable) node);
        }
        if (node instanceof SqlCreateView) {
            return catalog.createView((SqlCreateView) node, sql);
        }
        if (node instanceof SqlDropTable) {
            return catalog.dropTable((SqlDropTable) node);
        }
        return catalog.dropView((SqlDropView) node);
    }

    private CatalogTable table(String name) {
        return catalog.getTable(catalog.qualify(List.of(name))).orElseThrow();
    }

    private String showCreateTable(String name) {
        return catalog.showCreateTable(((SqlShowCreateTable) WeirSqlParser.parseStatement("SHOW CREATE TABLE " + name)).getName());
    }

    @Test
    void shouldStoreEveryPartOfTheTable() {
        assertTrue(execute(ORDERS));
        CatalogTable t = table("orders");
        TableSchema s = t.schema();
        assertEquals(List.of("id", "price", "buyer", "ts", "cost", "pt", "kts", "part", "tags"), s.columnNames());
        assertEquals(DataType.bigint().notNull(), s.column("id").get().type(), "primary key columns become NOT NULL");
        assertEquals("order id", s.column("id").get().comment());
        Column cost = s.column("cost").get();
        assertEquals(Column.Kind.COMPUTED, cost.kind());
        assertEquals("`price` * 2", cost.expression());
        assertEquals(DataType.decimal(20, 2), cost.type());
        assertTrue(s.column("pt").get().isProctime());
        assertEquals(DataType.timestampLtz(3).notNull(), s.column("pt").get().type());
        Column kts = s.column("kts").get();
        assertEquals("timestamp", kts.metadataKey());
        assertTrue(kts.isVirtual());
        assertEquals("part", s.column("part").get().metadataKey());
        assertEquals(DataType.array(DataType.string().notNull()), s.column("tags").get().type());
        assertEquals(new WatermarkSpec("ts", "`ts` - INTERVAL '5' SECOND", DataType.timestamp(3)), s.watermark().get());
        assertEquals(new PrimaryKey("PK_id", List.of("id")), s.primaryKey().get());
        assertEquals(List.of("buyer"), t.partitionKeys());
        assertEquals(List.of("connector", "rows-per-second", "quote"), List.copyOf(t.options().keySet()));
        assertEquals("it's", t.options().get("quote"));
        assertEquals("all the orders", t.comment());
        assertEquals(List.of("id", "price", "buyer", "ts", "tags"), s.physicalRowType().fieldNames());
    }

    @Test
    void whenTableExists_thenCreateFailsUnlessIfNotExists() {
        execute(ORDERS);
        CatalogException e = assertThrows(CatalogException.class, () -> execute(ORDERS));
        assertEquals("Table `default_catalog`.`default_database`.`orders` already exists"
            + " (use CREATE TABLE IF NOT EXISTS to skip it)", e.getMessage());
        assertFalse(execute("CREATE TABLE IF NOT EXISTS orders (x INT)"));
        assertEquals(9, table("orders").schema().columns().size(), "IF NOT EXISTS keeps the existing table");
    }

    @Test
    void whenTableIsMissing_thenDropFailsUnlessIfExists() {
        CatalogException e = assertThrows(CatalogException.class, () -> execute("DROP TABLE nope"));
        assertTrue(e.getMessage().startsWith("table `default_catalog`.`default_database`.`nope` does not exist"), e.getMessage());
        assertFalse(execute("DROP TABLE IF EXISTS nope"));
        execute("CREATE TABLE t (a INT)");
        assertTrue(execute("DROP TABLE default_database.t"));
        assertTrue(catalog.listTables().isEmpty());
    }

    @Test
    void shouldQualifyNamesAndRejectOtherCatalogs() {
        execute("CREATE TABLE default_catalog.default_database.t (a INT)");
        assertTrue(catalog.getTable(new ObjectIdentifier("default_catalog", "default_database", "t")).isPresent());
        CatalogException e = assertThrows(CatalogException.class, () -> execute("CREATE TABLE other.db.t (a INT)"));
        assertTrue(e.getMessage().contains("catalog `other` does not exist"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void whenTemporaryTableShadowsPermanent_thenLookupsSeeTheTemporaryOne() {
        execute("CREATE TABLE t (a INT)");
        execute("CREATE TEMPORARY TABLE t (b STRING)");
        assertEquals(List.of("b"), table("t").schema().columnNames());
        assertTrue(catalog.isTemporary(catalog.qualify(List.of("t"))));
        assertTrue(showCreateTable("t").startsWith("CREATE TEMPORARY TABLE"));
        assertTrue(execute("DROP TEMPORARY TABLE t"));
        assertEquals(List.of("a"), table("t").schema().columnNames());
        CatalogException e = assertThrows(CatalogException.class, () -> execute("DROP TEMPORARY TABLE t"));
        assertTrue(e.getMessage().startsWith("temporary table"), e.getMessage());
    }

    @Test
    void whenOnlyATemporaryTableExists_thenPlainDropSaysSo() {
        execute("CREATE TEMPORARY TABLE t (a INT)");
        CatalogException e = assertThrows(CatalogException.class, () -> execute("DROP TABLE t"));
        assertTrue(e.getMessage().endsWith("is temporary: use DROP TEMPORARY TABLE"), e.getMessage());
    }

    @Test
    void shouldCreateShowAndDropViews() {
        execute("CREATE TABLE t (a INT, b STRING)");
        String sql = "CREATE VIEW v (x, y) AS\nSELECT a, b\nFROM t WHERE a > 1";
        assertTrue(execute(sql));
        CatalogView v = catalog.getView(catalog.qualify(List.of("v"))).orElseThrow();
        assertEquals("SELECT a, b\nFROM t WHERE a > 1", v.originalQuery());
        assertEquals(List.of("x", "y"), v.columnNames());
        assertEquals(List.of("t", "v"), catalog.listTables());
        assertEquals(List.of("v"), catalog.listViews());
        String shown = catalog.showCreateView(((SqlShowCreateView) WeirSqlParser.parseStatement("SHOW CREATE VIEW v")).getName());
        assertEquals("CREATE VIEW `default_catalog`.`default_database`.`v` (`x`, `y`) AS\nSELECT a, b\nFROM t WHERE a > 1\n", shown);
        SqlCreateView reparsed = (SqlCreateView) WeirSqlParser.parseStatement(shown);
        assertEquals(List.of("x", "y"), reparsed.getColumnNames());
        CatalogException e = assertThrows(CatalogException.class, () -> execute("DROP TABLE v"));
        assertTrue(e.getMessage().endsWith("is a view: use DROP VIEW"), e.getMessage());
        assertThrows(CatalogException.class, () -> execute("CREATE VIEW v AS SELECT 1"));
        TabularResult described = catalog.describe(((SqlRichDescribeTable) WeirSqlParser.parseStatement("DESC v")).getName());
        assertEquals(List.of(List.of("x", "INT", "TRUE", "", "", ""), List.of("y", "STRING", "TRUE", "", "", "")),
            described.rows());
        assertFalse(execute("CREATE VIEW IF NOT EXISTS v AS SELECT 1"));
        assertTrue(execute("DROP VIEW v"));
        assertFalse(execute("DROP VIEW IF EXISTS v"));
    }

    @Test
    void whenViewQueryIsInvalid_thenCreateViewFailsWithPosition() {
        execute("CREATE TABLE t (a INT)");
        CatalogException e = assertThrows(CatalogException.class, () -> execute("CREATE VIEW v AS\nSELECT nope FROM t"));
        assertTrue(e.getMessage().startsWith("invalid query of view `v`: Column 'nope' not found"), e.getMessage());
        assertEquals(2, e.line());
        CatalogException count = assertThrows(CatalogException.class, () -> execute("CREATE VIEW v (x, y) AS SELECT a FROM t"));
        assertTrue(count.getMessage().startsWith("view `v` declares 2 columns but its query returns 1"), count.getMessage());
        assertTrue(catalog.listViews().isEmpty());
    }

    @Test
    void shouldKeepTheQueryTextOfViewsWithOrderByAndUnion() {
        execute("CREATE TABLE t (a INT, b STRING)");
        execute("CREATE TEMPORARY VIEW u AS (SELECT a FROM t UNION ALL SELECT a FROM t) ORDER BY a");
        CatalogView u = catalog.getView(catalog.qualify(List.of("u"))).orElseThrow();
        WeirSqlParser.parseStatement(u.originalQuery());
        assertEquals("(SELECT a FROM t UNION ALL SELECT a FROM t) ORDER BY a", u.originalQuery());
        String shown = catalog.showCreateView(((SqlShowCreateView) WeirSqlParser.parseStatement("SHOW CREATE VIEW u")).getName());
        assertTrue(shown.startsWith("CREATE TEMPORARY VIEW `default_catalog`.`default_database`.`u` AS\n"), shown);
        WeirSqlParser.parseStatement(shown);
    }

    @Test
    void whenNameIsTakenByATable_thenViewCannotUseIt() {
        execute("CREATE TABLE t (a INT)");
        CatalogException e = assertThrows(CatalogException.class, () -> execute("CREATE VIEW t AS SELECT 1"));
        assertTrue(e.getMessage().startsWith("Table `default_catalog`.`default_database`.`t` already exists"), e.getMessage());
    }

    @Test
    void shouldDescribeTableAsFlinkDoes() {
        execute(ORDERS);
        TabularResult r = catalog.describe(((SqlRichDescribeTable) WeirSqlParser.parseStatement("DESCRIBE orders")).getName());
        assertEquals(List.of("name", "type", "null", "key", "extras", "watermark"), r.header());
        assertEquals(List.of(
            List.of("id", "BIGINT", "FALSE", "PRI(id)", "", ""),
            List.of("price", "DECIMAL(10, 2)", "TRUE", "", "", ""),
            List.of("buyer", "STRING", "FALSE", "", "", ""),
            List.of("ts", "TIMESTAMP(3) *ROWTIME*", "TRUE", "", "", "`ts` - INTERVAL '5' SECOND"),
            List.of("cost", "DECIMAL(20, 2)", "TRUE", "", "AS `price` * 2", ""),
            List.of("pt", "TIMESTAMP_LTZ(3) *PROCTIME*", "FALSE", "", "AS PROCTIME()", ""),
            List.of("kts", "TIMESTAMP_LTZ(3)", "TRUE", "", "METADATA FROM 'timestamp' VIRTUAL", ""),
            List.of("part", "INT", "TRUE", "", "METADATA", ""),
            List.of("tags", "ARRAY<STRING NOT NULL>", "TRUE", "", "", "")), r.rows());
    }

    @Test
    void shouldRenderShowCreateTableThatParsesBackToTheSameTable() {
        execute(ORDERS);
        String shown = showCreateTable("orders");
        assertEquals("CREATE TABLE `default_catalog`.`default_database`.`orders` (\n"
            + "  `id` BIGINT NOT NULL COMMENT 'order id',\n"
            + "  `price` DECIMAL(10, 2),\n"
            + "  `buyer` STRING NOT NULL,\n"
            + "  `ts` TIMESTAMP(3),\n"
            + "  `cost` AS `price` * 2,\n"
            + "  `pt` AS PROCTIME(),\n"
            + "  `kts` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,\n"
            + "  `part` INT METADATA,\n"
            + "  `tags` ARRAY<STRING NOT NULL>,\n"
            + "  WATERMARK FOR `ts` AS `ts` - INTERVAL '5' SECOND,\n"
            + "  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED\n"
            + ") COMMENT 'all the orders'\n"
            + "PARTITIONED BY (`buyer`)\n"
            + "WITH (\n"
            + "  'connector' = 'datagen',\n"
            + "  'rows-per-second' = '10',\n"
            + "  'quote' = 'it''s'\n"
            + ")\n", shown);
        InMemoryCatalog other = new InMemoryCatalog(WeirOperatorTable.instance());
        other.createTable((SqlCreateTable) WeirSqlParser.parseStatement(shown));
        assertEquals(table("orders"), other.getTable(other.qualify(List.of("orders"))).orElseThrow());
    }

    @Test
    void shouldRoundTripNestedTypesThroughShowCreate() {
        execute("CREATE TABLE n (r ROW<a INT NOT NULL, `b c` MAP<STRING, MULTISET<BYTES>>>, t TIME(3), c CHAR(2), "
            + "v VARCHAR(10), bi VARBINARY(4), d DATE, f FLOAT, db DOUBLE, bo BOOLEAN, ti TINYINT, si SMALLINT)");
        String shown = showCreateTable("n");
        assertTrue(shown.contains("`r` ROW<`a` INT NOT NULL, `b c` MAP<STRING, MULTISET<BYTES>>>"), shown);
        InMemoryCatalog other = new InMemoryCatalog();
        other.createTable((SqlCreateTable) WeirSqlParser.parseStatement(shown));
        assertEquals(table("n"), other.getTable(other.qualify(List.of("n"))).orElseThrow());
    }

    @Test
    void shouldTypeComputedColumnsOverNestedFields() {
        execute("CREATE TABLE t (r ROW<a INT NOT NULL, b STRING>, c AS r.a + 1, d AS r.b)");
        assertEquals(DataType.integer(), table("t").schema().column("c").get().type());
        assertEquals(DataType.string(), table("t").schema().column("d").get().type());
    }

    @Test
    void whenTypeIsUnsupported_thenErrorNamesColumnAndType() {
        CatalogException e = assertThrows(CatalogException.class,
            () -> execute("CREATE TABLE t (a INT,\n  z TIMESTAMP(3) WITH TIME ZONE)"));
        assertTrue(e.getMessage().startsWith("column `z`: type TIMESTAMP_TZ(3) is not supported"), e.getMessage());
        assertEquals(2, e.line());
        CatalogException udt = assertThrows(CatalogException.class, () -> execute("CREATE TABLE t (u MY_TYPE)"));
        assertTrue(udt.getMessage().startsWith("column `u`: unknown or unsupported type MY_TYPE"), udt.getMessage());
    }

    @Test
    void whenWatermarkColumnIsNotAMillisecondTimestamp_thenErrorNamesIt() {
        CatalogException e = assertThrows(CatalogException.class,
            () -> execute("CREATE TABLE t (ts TIMESTAMP(6), WATERMARK FOR ts AS ts)"));
        assertTrue(e.getMessage().startsWith("the rowtime column `ts` must be TIMESTAMP(3) or TIMESTAMP_LTZ(3), but is TIMESTAMP(6)"),
            e.getMessage());
        CatalogException missing = assertThrows(CatalogException.class,
            () -> execute("CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR nope AS ts)"));
        assertTrue(missing.getMessage().contains("`nope`: no such column"), missing.getMessage());
        CatalogException badExpr = assertThrows(CatalogException.class,
            () -> execute("CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS 1)"));
        assertTrue(badExpr.getMessage().contains("must return a TIMESTAMP"), badExpr.getMessage());
    }

    @Test
    void shouldAcceptComputedRowtimeAndLtzRowtime() {
        execute("CREATE TABLE t (s STRING, ts AS TO_TIMESTAMP(s), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
        assertEquals("ts", table("t").schema().rowtimeColumn().get());
        execute("CREATE TABLE l (ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts)");
        assertEquals(DataType.timestampLtz(3), table("l").schema().watermark().get().expressionType());
    }

    @Test
    void whenComputedColumnIsInvalid_thenErrorNamesColumnAndPosition() {
        CatalogException e = assertThrows(CatalogException.class,
            () -> execute("CREATE TABLE t (a INT,\n  c AS a + nope)"));
        assertTrue(e.getMessage().startsWith("invalid computed column `c`: "), e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertEquals(2, e.line());
        assertThrows(CatalogException.class, () -> execute("CREATE TABLE t (c AS later, later AS 1)"),
            "a computed column sees only earlier computed columns");
    }

    @Test
    void whenPrimaryKeyIsInvalid_thenErrorSaysWhy() {
        assertTrue(assertThrows(CatalogException.class, () -> execute("CREATE TABLE t (a INT, PRIMARY KEY (a))"))
            .getMessage().startsWith("PRIMARY KEY must be declared NOT ENFORCED"));
        assertTrue(assertThrows(CatalogException.class, () -> execute("CREATE TABLE t (a INT, PRIMARY KEY (b) NOT ENFORCED)"))
            .getMessage().startsWith("PRIMARY KEY column `b` is not a column"));
        assertTrue(assertThrows(CatalogException.class,
            () -> execute("CREATE TABLE t (a INT, c AS a + 1, PRIMARY KEY (c) NOT ENFORCED)"))
            .getMessage().startsWith("PRIMARY KEY column `c` must be a physical column"));
        assertTrue(assertThrows(CatalogException.class, () -> execute("CREATE TABLE t (a INT, a STRING)"))
            .getMessage().startsWith("column `a` is declared twice"));
        assertTrue(assertThrows(CatalogException.class, () -> execute("CREATE TABLE t (a INT) WITH ('k' = '1', 'k' = '2')"))
            .getMessage().startsWith("option 'k' is given twice"));
        assertTrue(assertThrows(CatalogException.class, () -> execute("CREATE TABLE t (a INT) PARTITIONED BY (b)"))
            .getMessage().startsWith("PARTITIONED BY column `b`"));
    }

    @Test
    void shouldExposeTablesAndViewsToThePlanner() {
        execute(ORDERS);
        execute("CREATE VIEW v (x) AS SELECT id FROM orders");
        assertEquals(List.of("orders", "v"), catalog.objects("default_catalog", "default_database"));
        TableDescriptor t = (TableDescriptor) catalog.object("default_catalog", "default_database", "orders").orElseThrow();
        assertEquals(List.of("default_catalog", "default_database", "orders"), t.path());
        assertEquals(ColumnDescriptor.computed("cost", "`price` * 2"), t.columns().get(4));
        assertEquals(ColumnDescriptor.metadata("kts", DataType.timestampLtz(3), "timestamp", true), t.columns().get(6));
        assertEquals("ts", t.watermark().get().rowtimeColumn());
        assertEquals(List.of("id"), t.primaryKey());
        assertEquals("datagen", t.connector());
        ViewDescriptor v = (ViewDescriptor) catalog.object("default_catalog", "default_database", "v").orElseThrow();
        assertInstanceOf(SqlNode.class, WeirSqlParser.parseStatement(v.query()));
        assertTrue(v.query().endsWith("AS `v` (`x`)"), v.query());
        assertTrue(catalog.object("default_catalog", "default_database", "nope").isEmpty());
        assertTrue(execute("CREATE VIEW w AS SELECT x + 1 AS y FROM v"), "a view over a view sees its declared names");
        assertEquals(DataType.bigint().notNull(), catalog.getView(catalog.qualify(List.of("w"))).orElseThrow().rowType().fieldType(0));
    }
}
