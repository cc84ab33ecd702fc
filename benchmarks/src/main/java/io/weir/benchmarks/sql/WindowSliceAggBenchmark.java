package io.weir.benchmarks.sql;

import io.weir.codegen.CodeGenerator;
import io.weir.codegen.agg.AggsHandleCodeGenerator.WindowProperty;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.NamespaceAggsHandle;
import io.weir.runtime.operators.sql.SliceAssigner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
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
 * Issue 9's window-slice aggregation hot path, without the state backend and timers (those have
 * their own benchmarks): each bid is assigned its slice by {@link SliceAssigner}, its
 * per-(auction, slice) accumulator is set into the generated {@link NamespaceAggsHandle}
 * ({@code COUNT(*), MAX(price)}), accumulated and taken back; then every window is fired by
 * merging its slices (1 slice for TUMBLE 10 s, 5 for HOP 10 s / 2 s, as in q5). Score: rows per
 * second, firing included.
 *
 * <p>Run: {@code java -cp <benchmarks jar + classpath> org.openjdk.jmh.Main sql.WindowSliceAggBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class WindowSliceAggBenchmark {
    private Row[] rows;
    private NamespaceAggsHandle handle;
    private final SliceAssigner tumble = SliceAssigner.tumble(10_000, 0);
    private final SliceAssigner hop = SliceAssigner.hop(10_000, 2_000, 0);

    @Setup
    public void setUp() {
        rows = BidRows.bids();
        JavaTypeFactoryImpl types = BidRows.typeFactory();
        RelDataType in = BidRows.relType(types);
        RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
        AggregateCall count = AggregateCall.create(SqlStdOperatorTable.COUNT, false, false, false, List.of(), List.of(),
            -1, null, RelCollations.EMPTY, bigint, "num");
        AggregateCall max = AggregateCall.create(SqlStdOperatorTable.MAX, false, false, false, List.of(), List.of(2),
            -1, null, RelCollations.EMPTY, types.createTypeWithNullability(bigint, true), "maxprice");
        handle = new CodeGenerator(new RexBuilder(types))
            .windowAggsHandle(in, List.of(count, max), false, List.of(WindowProperty.WINDOW_START, WindowProperty.WINDOW_END))
            .newInstance(getClass().getClassLoader());
    }

    @Benchmark
    @OperationsPerInvocation(BidRows.COUNT)
    public void tumble(Blackhole bh) {
        aggregateAndFire(tumble, bh);
    }

    @Benchmark
    @OperationsPerInvocation(BidRows.COUNT)
    public void hop(Blackhole bh) {
        aggregateAndFire(hop, bh);
    }

    private void aggregateAndFire(SliceAssigner assigner, Blackhole bh) {
        Map<Long, Map<Long, Row>> slices = new HashMap<>(); // slice end -> auction -> accumulators
        for (Row r : rows) {
            long sliceEnd = assigner.assignSliceEnd((Long) r.getField(5));
            Map<Long, Row> perKey = slices.computeIfAbsent(sliceEnd, e -> new HashMap<>());
            Long key = (Long) r.getField(0);
            Row acc = perKey.get(key);
            handle.setAccumulators(acc == null ? handle.createAccumulators() : acc);
            handle.accumulate(r);
            perKey.put(key, handle.getAccumulators());
        }
        for (long sliceEnd : slices.keySet()) {
            long windowEnd = assigner.firstWindowEnd(sliceEnd);
            for (Map.Entry<Long, Row> e : slices.get(sliceEnd).entrySet()) {
                handle.setAccumulators(handle.createAccumulators());
                long start = assigner.windowStart(windowEnd);
                for (long s = assigner.firstSliceEnd(windowEnd); s <= windowEnd; s += assigner.sliceSize()) {
                    Map<Long, Row> other = slices.get(s);
                    Row acc = other == null ? null : other.get(e.getKey());
                    if (acc != null) {
                        handle.merge(acc);
                    }
                }
                bh.consume(handle.getValue(start, windowEnd));
            }
        }
    }
}
