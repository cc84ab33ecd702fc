package io.weir.planner.calcite;

import io.weir.checkpoint.config.Configuration;
import io.weir.codegen.CodeGenerator;
import io.weir.codegen.functions.TimestampOperators;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.FunctionContext;
import io.weir.runtime.generated.Projection;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Folds constant expressions at planning by running them through Weir's own generated code, so a
 * folded constant has exactly the value the same expression would have at run time (Flink's
 * expression reducer works the same way). Calcite's stock executor is not used: its semantics differ
 * from Weir's generated code (timestamp-to-string casts, FLOAT as a double, unchecked arithmetic).
 *
 * <p>An expression that fails to compile or to evaluate, or whose value cannot be a literal (FLOAT,
 * NaN or infinite DOUBLE, ARRAY, MAP, ROW, MULTISET), is left as it is and evaluated at run time,
 * where an error names the row.
 */
final class ConstantReducer implements RexExecutor {
    private final Configuration conf;
    private final ZoneId zone;

    ConstantReducer(Configuration conf, ZoneId zone) {
        this.conf = conf;
        this.zone = zone;
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        List<RexNode> foldable = new ArrayList<>();
        for (RexNode e : constExps) {
            if (!involvesFloat(e)) {
                foldable.add(e);
            }
        }
        Object[] values = foldable.isEmpty() ? new Object[0] : evaluateAll(rexBuilder, foldable);
        int next = 0;
        for (RexNode e : constExps) {
            if (involvesFloat(e)) {
                reducedValues.add(e);
                continue;
            }
            Object value = values == null ? null : values[next];
            next++;
            RexNode literal = values == null ? evaluateOne(rexBuilder, e) : toLiteral(rexBuilder, value, e.getType());
            reducedValues.add(literal == null ? e : literal);
        }
    }

    /** All expressions in one generated class; null if any of them fails (then each is tried alone). */
    private Object[] evaluateAll(RexBuilder rexBuilder, List<RexNode> exprs) {
        try {
            return evaluate(rexBuilder, exprs);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private RexNode evaluateOne(RexBuilder rexBuilder, RexNode expr) {
        try {
            return toLiteral(rexBuilder, evaluate(rexBuilder, List.of(expr))[0], expr.getType());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private Object[] evaluate(RexBuilder rexBuilder, List<RexNode> exprs) {
        RelDataType empty = rexBuilder.getTypeFactory().builder().build();
        Projection projection = new CodeGenerator(rexBuilder, conf).projection(empty, exprs, false)
            .newInstance(ConstantReducer.class.getClassLoader());
        projection.open(FunctionContext.of(zone));
        try {
            return projection.apply(new Row(RowKind.INSERT, new Object[0])).fields();
        } finally {
            projection.close();
        }
    }

    /** The literal of Weir's run-time value {@code value} of type {@code type}, or null if it has none. */
    static RexNode toLiteral(RexBuilder rexBuilder, Object value, RelDataType type) {
        if (value == null) {
            return rexBuilder.makeNullLiteral(type);
        }
        SqlTypeName name = type.getSqlTypeName();
        switch (name) {
            case BOOLEAN:
            case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case DECIMAL:
            case CHAR: case VARCHAR:
            case DATE: case TIME:
                return rexBuilder.makeLiteral(exactOrSelf(value, name), type, false);
            case TIMESTAMP: case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return rexBuilder.makeLiteral(TimestampOperators.timestampString(((Number) value).longValue(),
                    TimestampOperators.precision(type)), type, false);
            case DOUBLE:
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? rexBuilder.makeLiteral(new BigDecimal(Double.toString(d)), type, false) : null;
            case BINARY: case VARBINARY:
                return rexBuilder.makeLiteral(new ByteString((byte[]) value), type, false);
            default:
                if (SqlTypeName.INTERVAL_TYPES.contains(name)) {
                    return rexBuilder.makeLiteral(new BigDecimal(value.toString()), type, false);
                }
                return null;
        }
    }

    private static Object exactOrSelf(Object value, SqlTypeName name) {
        switch (name) {
            case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case DECIMAL:
                return new BigDecimal(value.toString());
            default:
                return value;
        }
    }

    /** Whether {@code e} or any sub-expression has a 4-byte FLOAT type (kept for run time, as Flink computes it). */
    static boolean involvesFloat(RexNode e) {
        boolean[] found = {false};
        e.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCall(RexCall call) {
                found[0] |= isFloat(call);
                return super.visitCall(call);
            }

            @Override
            public Void visitLiteral(RexLiteral literal) {
                found[0] |= isFloat(literal);
                return null;
            }
        });
        return found[0];
    }

    private static boolean isFloat(RexNode node) {
        SqlTypeName t = node.getType().getSqlTypeName();
        return t == SqlTypeName.REAL || t == SqlTypeName.FLOAT;
    }
}
