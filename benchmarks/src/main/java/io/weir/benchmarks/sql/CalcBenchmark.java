package io.weir.benchmarks.sql;

import io.weir.codegen.CodeGenerator;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.Calc;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 9's generated-Calc hot path: Janino-compiled filter + projection classes from
 * {@link CodeGenerator}, applied to Nexmark bid rows. {@code q1}: the q1 projection (DECIMAL
 * currency conversion); {@code q2}: the q2 filter {@code MOD(auction, 123) = 0} with its projection.
 * Each with and without output-row reuse. Score: rows per second.
 *
 * <p>Run: {@code java -cp <benchmarks jar + classpath> org.openjdk.jmh.Main sql.CalcBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class CalcBenchmark {
    private Row[] rows;
    private Calc q1;
    private Calc q1Reuse;
    private Calc q2;

    @Setup
    public void setUp() {
        rows = BidRows.bids();
        JavaTypeFactoryImpl types = BidRows.typeFactory();
        RexBuilder rex = new RexBuilder(types);
        RelDataType in = BidRows.relType(types);
        CodeGenerator gen = new CodeGenerator(rex);
        RexNode euro = rex.makeCall(SqlStdOperatorTable.MULTIPLY, rex.makeExactLiteral(new BigDecimal("0.908")),
            RexInputRef.of(2, in));
        List<RexNode> q1Projects = List.of(RexInputRef.of(0, in), RexInputRef.of(1, in), euro,
            RexInputRef.of(5, in), RexInputRef.of(6, in));
        q1 = gen.calc(in, q1Projects, null, false).newInstance(getClass().getClassLoader());
        q1Reuse = gen.calc(in, q1Projects, null, true).newInstance(getClass().getClassLoader());
        RexNode mod = rex.makeCall(SqlStdOperatorTable.MOD, RexInputRef.of(0, in),
            rex.makeExactLiteral(BigDecimal.valueOf(123)));
        RexNode cond = rex.makeCall(SqlStdOperatorTable.EQUALS, mod, rex.makeExactLiteral(BigDecimal.ZERO));
        q2 = gen.calc(in, List.of(RexInputRef.of(0, in), RexInputRef.of(2, in)), cond, false)
            .newInstance(getClass().getClassLoader());
    }

    @Benchmark
    @OperationsPerInvocation(BidRows.COUNT)
    public void q1Projection(Blackhole bh) {
        for (Row r : rows) {
            bh.consume(q1.apply(r));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BidRows.COUNT)
    public void q1ProjectionReusingOutput(Blackhole bh) {
        for (Row r : rows) {
            bh.consume(q1Reuse.apply(r));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BidRows.COUNT)
    public void q2Filter(Blackhole bh) {
        for (Row r : rows) {
            bh.consume(q2.apply(r));
        }
    }
}
