package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.KeyProjection;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The local phase of two-phase (local-global) aggregation: a non-keyed operator before the hash
 * exchange that pre-aggregates each mini-batch per grouping key and emits one partial row per key
 * and batch, {@code key ++ accumulators} (kind {@code +I}), for {@link GlobalGroupAggOperator} to
 * merge; their row type is {@code keyType ++ aggs.accumulatorType()} (what a network channel must
 * serialize). Keeps no state: the batch is emitted before every checkpoint barrier and watermark.
 *
 * <p>Correctness condition (the planner's to check): partial accumulators of retractions must merge
 * correctly, which holds for insert-only input and for aggregates whose accumulators add up (COUNT,
 * SUM, AVG); a retractable MIN/MAX's value-count map cannot retract a value it never saw locally,
 * so updating input with MIN/MAX must use the one-phase {@link MiniBatchGroupAggOperator}.
 */
public final class LocalGroupAggOperator implements OneInputStreamOperator {
    private final Supplier<? extends KeySelector> keyFactory;
    private final Supplier<AggsHandle> handleFactory;
    private final MiniBatch miniBatch;
    private final ZoneId zone;
    private final Map<Row, List<Row>> buffer = new HashMap<>();
    private KeySelector key;
    private AggsHandle handle;
    private Output output;
    private BundleTrigger trigger;

    /**
     * @param key the grouping key projection of the input
     * @param aggs the aggregate functions; the global phase must use the same accumulator layout
     */
    public LocalGroupAggOperator(GeneratedClass<KeyProjection> key, GeneratedClass<AggsHandle> aggs, MiniBatch miniBatch,
                                 ZoneId zone) {
        this(Generated.supplier(key), Generated.supplier(aggs), miniBatch, zone);
    }

    LocalGroupAggOperator(Supplier<? extends KeySelector> keyFactory, Supplier<AggsHandle> handleFactory,
                          MiniBatch miniBatch, ZoneId zone) {
        this.keyFactory = Objects.requireNonNull(keyFactory, "key");
        this.handleFactory = Objects.requireNonNull(handleFactory, "aggs");
        this.miniBatch = Objects.requireNonNull(miniBatch, "miniBatch");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A non-keyed factory; it runs chained after its input, before the hash exchange on the key. */
    public static OperatorFactory factory(String name, String uid, GeneratedClass<KeyProjection> key,
                                          GeneratedClass<AggsHandle> aggs, MiniBatch miniBatch, ZoneId zone) {
        return OperatorFactory.of(name, uid, () -> new LocalGroupAggOperator(key, aggs, miniBatch, zone));
    }

    /** As above, with a stateless key selector (shared by the subtasks) instead of a generated projection. */
    public static OperatorFactory factory(String name, String uid, KeySelector key, GeneratedClass<AggsHandle> aggs,
                                          MiniBatch miniBatch, ZoneId zone) {
        Objects.requireNonNull(key, "key");
        return OperatorFactory.of(name, uid,
            () -> new LocalGroupAggOperator(() -> key, Generated.supplier(aggs), miniBatch, zone));
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
        this.key = keyFactory.get();
        this.handle = handleFactory.get();
        OperatorFunctionContext fc = new OperatorFunctionContext(zone, context.processingTimeService());
        if (key instanceof KeyProjection) {
            ((KeyProjection) key).open(fc);
        }
        handle.open(fc);
        this.trigger = new BundleTrigger(miniBatch, context.processingTimeService(), this::flush);
    }

    @Override
    public void processElement(Row row) throws Exception {
        buffer.computeIfAbsent(key.getKey(row), k -> new ArrayList<>()).add(row.copy());
        trigger.onElement();
    }

    private void flush() {
        for (Map.Entry<Row, List<Row>> e : buffer.entrySet()) {
            handle.resetAccumulators();
            for (Row r : e.getValue()) {
                if (GroupChangelog.isAccumulate(r)) {
                    handle.accumulate(r);
                } else {
                    handle.retract(r);
                }
            }
            output.collect(GroupChangelog.join(RowKind.INSERT, e.getKey(), handle.getAccumulators()));
        }
        buffer.clear();
    }

    @Override
    public long processWatermark(long watermark) throws Exception {
        trigger.flushNow();
        return watermark;
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        trigger.flushNow();
    }

    @Override
    public void finish() throws Exception {
        trigger.flushNow();
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }
}
