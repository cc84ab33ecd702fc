package io.weir.runtime.operators.sql;

import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.ValueState;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The global phase of two-phase aggregation, after the hash exchange: keyed by the grouping key,
 * its input is {@link LocalGroupAggOperator}'s {@code key ++ accumulators} rows, which it buffers per
 * key for a mini-batch and then merges ({@link AggsHandle#merge}) into the group's state, emitting
 * the result's change like {@link GroupAggOperator} ({@code +I}, {@code -U}/{@code +U}, {@code -D}
 * when the merged record count drops to zero). Same state name, layout and TTL as
 * {@link GroupAggOperator}, so the final results equal the one-phase operator's.
 */
public final class GlobalGroupAggOperator implements OneInputStreamOperator {
    private final Supplier<AggsHandle> handleFactory;
    private final int keyArity;
    private final boolean generateUpdateBefore;
    private final Duration stateTtl;
    private final MiniBatch miniBatch;
    private final ZoneId zone;
    private final Map<Row, List<Row>> buffer = new LinkedHashMap<>();
    private KeyedStateBackend<Row> keyedBackend;
    private AggsHandle handle;
    private ValueState<Row> accState;
    private GroupChangelog changelog;
    private BundleTrigger trigger;

    /**
     * @param aggs the same aggregate functions as the local phase (their {@code merge} is used)
     * @param keyArity the number of key fields in front of the accumulators in each input row
     */
    public GlobalGroupAggOperator(GeneratedClass<AggsHandle> aggs, int keyArity, boolean generateUpdateBefore,
                                  Duration stateTtl, MiniBatch miniBatch, ZoneId zone) {
        this(Generated.supplier(aggs), keyArity, generateUpdateBefore, stateTtl, miniBatch, zone);
    }

    GlobalGroupAggOperator(Supplier<AggsHandle> handleFactory, int keyArity, boolean generateUpdateBefore,
                           Duration stateTtl, MiniBatch miniBatch, ZoneId zone) {
        this.handleFactory = Objects.requireNonNull(handleFactory, "aggs");
        this.keyArity = keyArity;
        this.generateUpdateBefore = generateUpdateBefore;
        this.stateTtl = Objects.requireNonNull(stateTtl, "stateTtl");
        this.miniBatch = Objects.requireNonNull(miniBatch, "miniBatch");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; {@code key} selects the leading {@code keyType.arity()} fields of the partial rows. */
    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType,
                                          GeneratedClass<AggsHandle> aggs, boolean generateUpdateBefore,
                                          Duration stateTtl, MiniBatch miniBatch, ZoneId zone) {
        int keyArity = keyType.arity();
        return OperatorFactory.keyed(name, uid,
            () -> new GlobalGroupAggOperator(aggs, keyArity, generateUpdateBefore, stateTtl, miniBatch, zone), keyType, key);
    }

    @Override
    public void open(OperatorContext context) {
        this.keyedBackend = context.keyedStateBackend();
        this.handle = handleFactory.get();
        handle.open(new OperatorFunctionContext(zone, context.processingTimeService()));
        this.accState = context.getState(GroupAggOperator.accumulatorDescriptor(handle, stateTtl));
        this.changelog = new GroupChangelog(handle, generateUpdateBefore, GroupAggOperator.isTtlEnabled(stateTtl),
            context.output());
        this.trigger = new BundleTrigger(miniBatch, context.processingTimeService(), this::flush);
    }

    @Override
    public void processElement(Row partial) throws Exception {
        Object[] f = partial.fields();
        Row acc = Row.of(Arrays.copyOfRange(f, keyArity, f.length));
        buffer.computeIfAbsent(keyedBackend.getCurrentKey(), k -> new ArrayList<>(2)).add(acc);
        trigger.onElement();
    }

    private void flush() throws Exception {
        for (Map.Entry<Row, List<Row>> e : buffer.entrySet()) {
            keyedBackend.setCurrentKey(e.getKey());
            changelog.begin(accState.value());
            for (Row partial : e.getValue()) {
                handle.merge(partial);
            }
            if (changelog.end(e.getKey())) {
                accState.update(handle.getAccumulators());
            } else {
                accState.clear();
            }
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
