package io.weir.codegen.testutil;

import io.weir.codegen.expr.ExprCodeGenerator;
import io.weir.codegen.expr.ExprTranslator;
import io.weir.codegen.functions.WeirOperatorTable;
import io.weir.runtime.data.Row;
import io.weir.codegen.agg.AggsHandleCodeGenerator;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.Calc;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.SimpleFunctionContext;
import java.time.ZoneId;
import java.util.List;
import org.apache.calcite.config.Lex;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Validates small SQL against table {@code T} with Calcite and Weir's operator table, and runs the
 * generated code. Columns of T:
 * {@code a INT, b BIGINT, s VARCHAR, ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(3), d DECIMAL(10,2), dt DATE,
 * f FLOAT, dbl DOUBLE, bool BOOLEAN, bin VARBINARY, r ROW(x INT, y VARCHAR), n INT NOT NULL, s2 VARCHAR}.
 */
public final class SqlFixture {
    public static final String[] COLUMNS = {"a", "b", "s", "ts", "ltz", "d", "dt", "f", "dbl", "bool", "bin", "r", "n", "s2"};

    private RelNode lastRel;
    private SimpleFunctionContext context = new SimpleFunctionContext(ZoneId.of("UTC"));

    public SqlFixture withZone(String zone) {
        context = new SimpleFunctionContext(ZoneId.of(zone));
        return this;
    }

    public SimpleFunctionContext context() {
        return context;
    }

    /** A row of T with the given values in column order, the rest null (n = 0). */
    public static Row row(Object... values) {
        Object[] fields = new Object[COLUMNS.length];
        System.arraycopy(values, 0, fields, 0, values.length);
        if (values.length <= 12) {
            fields[12] = 0;
        }
        return Row.of(fields);
    }

    /** A row of T with named values, e.g. {@code named("a", 1, "s", "x")}. */
    public static Row named(Object... nameValues) {
        Row r = row();
        for (int i = 0; i < nameValues.length; i += 2) {
            r.setField(List.of(COLUMNS).indexOf((String) nameValues[i]), nameValues[i + 1]);
        }
        return r;
    }

    /** Plans {@code sql} and returns the optimized-free logical plan. */
    public RelNode plan(String sql) {
        try {
            Planner planner = Frameworks.getPlanner(config());
            SqlNode parsed = planner.parse(sql);
            SqlNode validated = planner.validate(parsed);
            lastRel = planner.rel(validated).project();
            return lastRel;
        } catch (Exception e) {
            throw new IllegalArgumentException("could not plan " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The generated Calc for {@code SELECT ... FROM T [WHERE ...]}. */
    public Calc calc(String sql) {
        return calc(sql, false);
    }

    /** The generated Calc, optionally reusing its output row. */
    public Calc calc(String sql, boolean reuseOutput) {
        return calcOf(plan(sql), reuseOutput);
    }

    /**
     * Calcs for a chain of Project / Filter nodes down to the scan of T (Calcite flattens nested
     * rows below a filter into a projection), composed into one Calc over rows of T.
     */
    private Calc calcOf(RelNode rel, boolean reuseOutput) {
        if (!(rel instanceof LogicalProject)) {
            throw new IllegalArgumentException("expected a projection: " + RelOptUtil.toString(rel));
        }
        LogicalProject project = (LogicalProject) rel;
        RelNode input = project.getInput();
        RexNode condition = null;
        if (input instanceof LogicalFilter) {
            condition = ((LogicalFilter) input).getCondition();
            input = ((LogicalFilter) input).getInput();
        }
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        GeneratedClass<Calc> gen = new ExprCodeGenerator(new ExprTranslator(rexBuilder, true))
            .calc(input.getRowType(), project.getProjects(), condition, reuseOutput);
        Calc calc = gen.newInstance(getClass().getClassLoader());
        calc.open(context);
        if (input instanceof LogicalProject) {
            Calc below = calcOf(input, false);
            return row -> {
                Row mid = below.apply(row);
                return mid == null ? null : calc.apply(mid);
            };
        }
        return calc;
    }

    /** The value of one expression on one row of T. */
    public Object eval(String expr, Row row) {
        Row out = calc("SELECT " + expr + " FROM T").apply(row);
        return out.getField(0);
    }

    /** The value of one expression on an all-null row (n = 0). */
    public Object eval(String expr) {
        return eval(expr, row());
    }

    /** The type Calcite infers for an expression. */
    public RelDataType typeOf(String expr) {
        return plan("SELECT " + expr + " FROM T").getRowType().getFieldList().get(0).getType();
    }

    /** The Aggregate of a {@code SELECT ... FROM T GROUP BY ...} plan, and its input below it. */
    public Aggregate aggregate(String sql) {
        RelNode rel = plan(sql);
        while (!(rel instanceof Aggregate)) {
            rel = rel.getInput(0);
        }
        return (Aggregate) rel;
    }

    /**
     * The generated handle of the aggregate in {@code sql} (a query on T), fed with rows of T through a
     * generated Calc of whatever projection Calcite put below the aggregate.
     */
    public AggRun aggregate(String sql, boolean withRetraction) {
        Aggregate agg = aggregate(sql);
        RelNode input = agg.getInput();
        Calc inputCalc = input instanceof LogicalProject ? calcOf(input, false) : null;
        AggsHandle handle = AggsHandleCodeGenerator.generate(input.getRowType(), agg.getAggCallList(), withRetraction)
            .newInstance(getClass().getClassLoader());
        handle.open(context);
        return new AggRun(handle, inputCalc);
    }

    /** An aggregate handle over rows of T. */
    public static final class AggRun {
        public final AggsHandle handle;
        private final Calc inputCalc;

        AggRun(AggsHandle handle, Calc inputCalc) {
            this.handle = handle;
            this.inputCalc = inputCalc;
        }

        private Row in(Row t) {
            return inputCalc == null ? t : inputCalc.apply(t);
        }

        public AggRun accumulate(Row... rows) {
            for (Row r : rows) {
                handle.accumulate(in(r));
            }
            return this;
        }

        public AggRun retract(Row... rows) {
            for (Row r : rows) {
                handle.retract(in(r));
            }
            return this;
        }

        public Row value() {
            return handle.getValue();
        }
    }

    public String explain() {
        return RelOptUtil.toString(lastRel);
    }

    private static FrameworkConfig config() {
        SchemaPlus root = Frameworks.createRootSchema(true);
        root.add("T", new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory tf) {
                RelDataType row = tf.builder().add("x", SqlTypeName.INTEGER).nullable(true)
                    .add("y", SqlTypeName.VARCHAR).nullable(true).build();
                return tf.builder()
                    .add("a", SqlTypeName.INTEGER).nullable(true)
                    .add("b", SqlTypeName.BIGINT).nullable(true)
                    .add("s", SqlTypeName.VARCHAR).nullable(true)
                    .add("ts", SqlTypeName.TIMESTAMP, 3).nullable(true)
                    .add("ltz", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3).nullable(true)
                    .add("d", SqlTypeName.DECIMAL, 10, 2).nullable(true)
                    .add("dt", SqlTypeName.DATE).nullable(true)
                    .add("f", SqlTypeName.FLOAT).nullable(true)
                    .add("dbl", SqlTypeName.DOUBLE).nullable(true)
                    .add("bool", SqlTypeName.BOOLEAN).nullable(true)
                    .add("bin", SqlTypeName.VARBINARY).nullable(true)
                    .add("r", tf.createTypeWithNullability(row, true))
                    .add("n", SqlTypeName.INTEGER)
                    .add("s2", SqlTypeName.VARCHAR).nullable(true)
                    .build();
            }
        });
        return Frameworks.newConfigBuilder()
            .defaultSchema(root)
            .parserConfig(SqlParser.config().withLex(Lex.JAVA).withConformance(SqlConformanceEnum.LENIENT))
            .operatorTable(WeirOperatorTable.instance())
            .typeSystem(new RelDataTypeSystemImpl() {
                @Override
                public boolean shouldConvertRaggedUnionTypesToVarying() {
                    return true; // as Flink: CASE of different-length literals is VARCHAR
                }

                @Override
                public int getMaxPrecision(SqlTypeName typeName) {
                    return typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                        ? 9 : super.getMaxPrecision(typeName); // as Flink (and Weir's planner)
                }
            })
            .build();
    }
}
