package io.weir.planner.calcite;

import io.weir.planner.ValidationException;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.List;

/**
 * Converts the SQL text of a table's computed column or watermark expression into a
 * {@link RexNode} over a given input row: {@code $i} is field {@code i} of {@code inputRowType}.
 *
 * <p>It validates {@code SELECT <expr> FROM __input} against a one-table schema, so that the
 * expression sees exactly the columns it may use and every function the queries can use.
 */
public final class ExpressionConverter {
    private static final String INPUT = "__input";
    private final PlannerContext context;

    public ExpressionConverter(PlannerContext context) {
        this.context = context;
    }

    /**
     * The expression as a {@code RexNode} over {@code inputRowType}.
     *
     * @param what names the expression in errors, e.g. "computed column 'c' of table t"
     */
    public RexNode convert(String expression, RelDataType inputRowType, String what) {
        CalciteSchema schema = CalciteSchema.createRootSchema(false, false);
        schema.add(INPUT, new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory typeFactory) {
                return inputRowType;
            }
        });
        String sql = "SELECT " + expression + " FROM `" + INPUT + "`";
        SqlNode query;
        try {
            query = SqlParser.create(sql, PlannerContext.parserConfig()).parseQuery();
        } catch (SqlParseException e) {
            throw new ValidationException("Cannot parse the " + what + " '" + expression + "': "
                + e.getMessage(), e);
        }
        SqlValidator validator = context.newValidator(schema, List.of());
        SqlNode validated;
        try {
            validated = validator.validate(query);
        } catch (RuntimeException e) {
            throw new ValidationException("Invalid " + what + " '" + expression + "': "
                + rootMessage(e), e);
        }
        RelRoot root = context.newConverter(validator).convertQuery(validated, false, true);
        RelNode rel = root.rel;
        if (!(rel instanceof LogicalProject)) {
            throw new IllegalStateException("Expected a projection for " + what + ", got " + rel);
        }
        return ((LogicalProject) rel).getProjects().get(0);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
