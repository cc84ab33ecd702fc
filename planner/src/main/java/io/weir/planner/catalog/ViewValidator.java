package io.weir.planner.catalog;

import io.weir.parser.WeirSqlParser;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.planner.calcite.PlannerContext;
import io.weir.planner.schema.CatalogAccess;
import io.weir.planner.types.TypeConverter;
import io.weir.planner.types.TypeFormatter;
import io.weir.planner.types.UnsupportedTypeException;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Validates a {@code CREATE VIEW}'s query against the catalog with the planner's validator (so a
 * view that no query could use is refused at once, as Flink does) and derives the view's row type.
 */
final class ViewValidator {
    private ViewValidator() {
    }

    /**
     * @param statementSql the CREATE VIEW text, for the stored original query
     * @param catalog the catalog the query's names resolve in (called back on this thread)
     */
    static CatalogView validate(SqlCreateView ddl, String statementSql, CatalogAccess catalog) {
        String original = SqlText.extractTail(statementSql, ddl.getQuery());
        SqlNode fresh = WeirSqlParser.parseStatement(WeirSqlParser.toSql(ddl.getQuery()));
        RowType rowType = rename(ddl, queryRowType(ddl, catalog));
        return new CatalogView(fresh, original, ddl.getColumnNames(), ddl.getComment(), rowType);
    }

    private static RowType queryRowType(SqlCreateView ddl, CatalogAccess catalog) {
        SqlValidator validator = new PlannerContext(catalog).newValidator();
        io.weir.planner.calcite.GroupWindowSqlRewriter.rewrite(ddl.getQuery());
        RelDataType type;
        try {
            type = validator.getValidatedNodeType(validator.validate(ddl.getQuery()));
        } catch (CalciteContextException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw CatalogException.at(new SqlParserPos(e.getPosLine(), e.getPosColumn()),
                "invalid query of view " + TypeFormatter.quoteIdentifier(last(ddl)) + ": " + reason, e);
        } catch (RuntimeException e) {
            throw CatalogException.at(ddl.getQuery().getParserPosition(),
                "invalid query of view " + TypeFormatter.quoteIdentifier(last(ddl)) + ": " + e.getMessage(), e);
        }
        try {
            return TypeConverter.toRowType(type);
        } catch (UnsupportedTypeException e) {
            throw CatalogException.at(ddl.getQuery().getParserPosition(),
                "view " + TypeFormatter.quoteIdentifier(last(ddl)) + ": " + e.getMessage(), e);
        }
    }

    private static RowType rename(SqlCreateView ddl, RowType rowType) {
        List<String> names = ddl.getColumnNames();
        if (names.isEmpty()) {
            return rowType;
        }
        if (names.size() != rowType.arity()) {
            throw CatalogException.at(ddl.getParserPosition(), "view " + TypeFormatter.quoteIdentifier(last(ddl))
                + " declares " + names.size() + " columns but its query returns " + rowType.arity());
        }
        List<RowType.Field> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(new RowType.Field(names.get(i), rowType.fieldType(i)));
        }
        return new RowType(fields);
    }

    private static String last(SqlCreateView ddl) {
        List<String> names = ddl.getName().names;
        return names.get(names.size() - 1);
    }
}
