package io.weir.planner.catalog;

import io.weir.parser.WeirSqlConformance;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.calcite.WeirTypeSystem;
import io.weir.planner.types.TypeConverter;
import io.weir.runtime.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Derives types for a table definition with Calcite: declared column types, and the types of
 * computed-column and watermark expressions over the columns they may reference.
 * Not thread-safe (validators keep state); the catalog calls it under its own lock.
 */
final class ExpressionTyper {
    private final RelDataTypeFactory typeFactory = new io.weir.planner.calcite.WeirTypeFactory();
    private final SqlOperatorTable operatorTable;

    ExpressionTyper(SqlOperatorTable operatorTable) {
        this.operatorTable = operatorTable;
    }

    DataType dataType(SqlDataTypeSpec spec) {
        return TypeConverter.toDataType(spec, newValidator());
    }

    /** A validated expression: its type and its SQL text (functions resolved, e.g. {@code PROCTIME()}). */
    record Typed(DataType type, String sql) {
    }

    /**
     * Validates {@code expression}, where each entry of {@code columns} is an identifier it may use.
     * Calls are not rewritten (COALESCE stays COALESCE), but the node's functions are resolved in place.
     */
    Typed typeOf(SqlNode expression, Map<String, DataType> columns) {
        Map<String, RelDataType> relTypes = new LinkedHashMap<>();
        columns.forEach((name, type) -> relTypes.put(name, TypeConverter.toRelDataType(type, typeFactory)));
        SqlValidator validator = newValidator();
        SqlNode validated = validator.validateParameterizedExpression(expression, relTypes);
        DataType type = TypeConverter.toDataType(validator.getValidatedNodeType(validated));
        return new Typed(type, WeirSqlParser.toSql(validated));
    }

    private SqlValidator newValidator() {
        Properties props = new Properties();
        props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CalciteCatalogReader reader = new CalciteCatalogReader(CalciteSchema.createRootSchema(false, false),
            List.of(), typeFactory, new CalciteConnectionConfigImpl(props));
        SqlValidator.Config config = SqlValidator.Config.DEFAULT.withConformance(WeirSqlConformance.INSTANCE)
            .withTypeCoercionRules(io.weir.planner.calcite.WeirCastRules.INSTANCE)
            .withCallRewrite(false);
        return SqlValidatorUtil.newValidator(operatorTable, reader, typeFactory, config);
    }
}
