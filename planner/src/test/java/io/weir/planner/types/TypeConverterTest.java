package io.weir.planner.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.parser.WeirSqlParser;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlRegularColumn;
import io.weir.planner.calcite.WeirTypeSystem;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.junit.jupiter.api.Test;

class TypeConverterTest {
    private final RelDataTypeFactory factory = new JavaTypeFactoryImpl(WeirTypeSystem.INSTANCE);
    private final SqlValidator validator = SqlValidatorUtil.newValidator(SqlStdOperatorTable.instance(),
        new CalciteCatalogReader(CalciteSchema.createRootSchema(false), List.of(), factory,
            new CalciteConnectionConfigImpl(new Properties())),
        factory, SqlValidator.Config.DEFAULT);

    /** The DataType of the type written in a one-column CREATE TABLE. */
    private DataType parsed(String type) {
        SqlCreateTable t = (SqlCreateTable) WeirSqlParser.parseStatement("CREATE TABLE t (c " + type + ")");
        return TypeConverter.toDataType(((SqlRegularColumn) t.getColumns().get(0)).getType(), validator);
    }

    @Test
    void shouldConvertEveryParsedType() {
        assertEquals(DataType.booleanType(), parsed("BOOLEAN"));
        assertEquals(DataType.tinyint(), parsed("TINYINT"));
        assertEquals(DataType.smallint(), parsed("SMALLINT"));
        assertEquals(DataType.integer().notNull(), parsed("INT NOT NULL"));
        assertEquals(DataType.bigint(), parsed("BIGINT NULL"));
        assertEquals(DataType.floatType(), parsed("FLOAT"));
        assertEquals(DataType.floatType(), parsed("REAL"));
        assertEquals(DataType.doubleType(), parsed("DOUBLE"));
        assertEquals(DataType.decimal(10, 2), parsed("DECIMAL(10, 2)"));
        assertEquals(DataType.charType(3), parsed("CHAR(3)"));
        assertEquals(DataType.varchar(20), parsed("VARCHAR(20)"));
        assertEquals(DataType.string(), parsed("STRING"));
        assertEquals(DataType.binary(4), parsed("BINARY(4)"));
        assertEquals(DataType.varbinary(4), parsed("VARBINARY(4)"));
        assertEquals(DataType.varbinary(Integer.MAX_VALUE), parsed("BYTES"));
        assertEquals(DataType.date(), parsed("DATE"));
        assertEquals(DataType.time(3), parsed("TIME(3)"));
        assertEquals(DataType.timestamp(3), parsed("TIMESTAMP(3)"));
        assertEquals(DataType.timestamp(6), parsed("TIMESTAMP"), "bare TIMESTAMP is TIMESTAMP(6), as in Flink");
        assertEquals(DataType.timestampLtz(3), parsed("TIMESTAMP_LTZ(3)"));
        assertEquals(DataType.timestampLtz(6), parsed("TIMESTAMP(6) WITH LOCAL TIME ZONE"));
    }

    @Test
    void shouldKeepNestedNullability() {
        assertEquals(DataType.array(DataType.integer().notNull()), parsed("ARRAY<INT NOT NULL>"));
        assertEquals(DataType.multiset(DataType.string()), parsed("MULTISET<STRING>"));
        assertEquals(DataType.map(DataType.string().notNull(), DataType.array(DataType.bigint())),
            parsed("MAP<STRING NOT NULL, ARRAY<BIGINT>>"));
        RowType fields = new RowType(List.of(new RowType.Field("a", DataType.integer().notNull()),
            new RowType.Field("b", DataType.row(new RowType(List.of(new RowType.Field("c", DataType.doubleType())))))));
        assertEquals(DataType.row(fields).notNull(), parsed("ROW<a INT NOT NULL, b ROW(c DOUBLE)> NOT NULL"));
        assertEquals(DataType.array(DataType.integer()), parsed("INT ARRAY"));
    }

    @Test
    void whenTypeIsNotSupported_thenErrorNamesIt() {
        UnsupportedTypeException tz = assertThrows(UnsupportedTypeException.class,
            () -> parsed("TIMESTAMP(3) WITH TIME ZONE"));
        assertTrue(tz.getMessage().contains("TIMESTAMP_TZ(3)"), tz.getMessage());
        assertThrows(UnsupportedTypeException.class, () -> parsed("TIME WITH LOCAL TIME ZONE"));
        assertThrows(UnsupportedTypeException.class, () -> parsed("VARIANT"));
        UnsupportedTypeException udt = assertThrows(UnsupportedTypeException.class, () -> parsed("POINT3D"));
        assertTrue(udt.getMessage().contains("POINT3D"), udt.getMessage());
    }

    @Test
    void shouldRoundTripDataTypesThroughCalcite() {
        List<DataType> types = List.of(DataType.booleanType(), DataType.tinyint(), DataType.smallint(),
            DataType.integer().notNull(), DataType.bigint(), DataType.floatType(), DataType.doubleType(),
            DataType.decimal(38, 10), DataType.charType(2), DataType.varchar(5), DataType.string(),
            DataType.binary(3), DataType.varbinary(Integer.MAX_VALUE), DataType.date(), DataType.time(0),
            DataType.timestamp(3), DataType.timestampLtz(9), DataType.intervalYearMonth(), DataType.intervalDayTime(),
            DataType.array(DataType.integer().notNull()), DataType.multiset(DataType.string()),
            DataType.map(DataType.string(), DataType.bigint()),
            DataType.row(new RowType(List.of(new RowType.Field("x", DataType.integer()),
                new RowType.Field("y", DataType.string())))).notNull(),
            DataType.row(new RowType(List.of(new RowType.Field("z", DataType.integer().notNull())))));
        for (DataType type : types) {
            assertEquals(type, TypeConverter.toDataType(TypeConverter.toRelDataType(type, factory)), type.toString());
        }
    }

    @Test
    void shouldMapFloatToCalciteReal() {
        RelDataType rel = TypeConverter.toRelDataType(DataType.floatType(), factory);
        assertEquals(SqlTypeName.REAL, rel.getSqlTypeName());
    }

    @Test
    void shouldConvertRowTypes() {
        RowType row = RowType.of(new String[] {"a", "b"}, new DataType[] {DataType.integer(), DataType.string().notNull()});
        RelDataType rel = TypeConverter.toRelRowType(row, factory);
        assertEquals(List.of("a", "b"), rel.getFieldNames());
        assertEquals(row, TypeConverter.toRowType(rel));
    }

    @Test
    void shouldFormatTypesAsFlinkPrintsThem() {
        assertEquals("INT NOT NULL", TypeFormatter.format(DataType.integer().notNull()));
        assertEquals("STRING", TypeFormatter.format(DataType.string()));
        assertEquals("BYTES", TypeFormatter.format(DataType.varbinary(Integer.MAX_VALUE)));
        assertEquals("TIMESTAMP_LTZ(3)", TypeFormatter.format(DataType.timestampLtz(3)));
        assertEquals("MAP<STRING NOT NULL, ARRAY<INT>>",
            TypeFormatter.format(DataType.map(DataType.string().notNull(), DataType.array(DataType.integer()))));
        assertEquals("ROW<`a b` INT, `c``d` STRING NOT NULL>", TypeFormatter.format(DataType.row(RowType.of(
            new String[] {"a b", "c`d"}, new DataType[] {DataType.integer(), DataType.string().notNull()}))));
        assertEquals("DECIMAL(10, 2)", TypeFormatter.formatIgnoringNullability(DataType.decimal(10, 2).notNull()));
    }
}
