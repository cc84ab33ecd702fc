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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link GroupAggOperator} with mini-batches ({@code table.exec.mini-batch.enabled}): input rows are
 * buffered per key in memory and folded into each group's state once per batch (see
 * {@link MiniBatch} for when), so a hot key costs one state read and write per batch instead of one
 * per row, and emits one change per batch. Gives the same final results as the plain operator.
 *
 * <p>The buffer is not state: it is folded (and its results emitted) in {@link #snapshotState}, before
 * the barrier, so a checkpoint never holds a half-folded batch. State, TTL and the output format are
 * {@link GroupAggOperator}'s, DISTINCT counts included.
 */
public final class MiniBatchGroupAggOperator implements OneInputStreamOperator {
    private final Supplier<AggsHandle> handleFactory;
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
    private DistinctStateStore distinct;

    /** As {@link GroupAggOperator#GroupAggOperator(GeneratedClass, boolean, Duration, ZoneId)}, plus the batch settings. */
    public MiniBatchGroupAggOperator(GeneratedClass<AggsHandle> aggs, boolean generateUpdateBefore, Duration stateTtl,
                                     MiniBatch miniBatch, ZoneId zone) {
        this(Generated.supplier(aggs), generateUpdateBefore, stateTtl, miniBatch, zone);
    }

    MiniBatchGroupAggOperator(Supplier<AggsHandle> handleFactory, boolean generateUpdateBefore, Duration stateTtl,
                              MiniBatch miniBatch, ZoneId zone) {
        this.handleFactory = Objects.requireNonNull(handleFactory, "aggs");
        this.generateUpdateBefore = generateUpdateBefore;
        this.stateTtl = Objects.requireNonNull(stateTtl, "stateTtl");
        this.miniBatch = Objects.requireNonNull(miniBatch, "miniBatch");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static OperatorFactory factory(String name, String uid, KeySelector key, RowType keyType,
                                          GeneratedClass<AggsHandle> aggs, boolean generateUpdateBefore,
                                          Duration stateTtl, MiniBatch miniBatch, ZoneId zone) {
        return OperatorFactory.keyed(name, uid,
            () -> new MiniBatchGroupAggOperator(aggs, generateUpdateBefore, stateTtl, miniBatch, zone), keyType, key);
    }

    @Override
    public void open(OperatorContext context) {
        this.keyedBackend = context.keyedStateBackend();
        this.handle = handleFactory.get();
        handle.open(new OperatorFunctionContext(zone, context.processingTimeService()));
        this.accState = context.getState(GroupAggOperator.accumulatorDescriptor(handle, stateTtl));
        this.changelog = new GroupChangelog(handle, generateUpdateBefore, GroupAggOperator.isTtlEnabled(stateTtl),
            context.output());
        this.distinct = DistinctStateStore.installIfUseful(context, handle, GroupAggOperator.isTtlEnabled(stateTtl),
            GroupAggOperator.MAX_CACHED_GROUPS * GroupAggOperator.DISTINCT_ENTRIES_PER_GROUP);
        this.trigger = new BundleTrigger(miniBatch, context.processingTimeService(), this::flush);
    }

    @Override
    public void processElement(Row row) throws Exception {
        buffer.computeIfAbsent(keyedBackend.getCurrentKey(), k -> new ArrayList<>()).add(row.copy());
        trigger.onElement();
    }

    private void flush() throws Exception {
        for (Map.Entry<Row, List<Row>> e : buffer.entrySet()) {
            keyedBackend.setCurrentKey(e.getKey());
            fold(e.getKey(), e.getValue());
        }
        buffer.clear();
    }

    private void fold(Row key, List<Row> rows) throws Exception {
        Row acc = accState.value();
        int i = 0;
        if (acc == null) {
            // as in Flink: retractions for a group without state (expired) are dropped
            while (i < rows.size() && !GroupChangelog.isAccumulate(rows.get(i))) {
                i++;
            }
            if (i == rows.size()) {
                return;
            }
        }
        changelog.begin(acc);
        for (; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (GroupChangelog.isAccumulate(r)) {
                handle.accumulate(r);
            } else {
                handle.retract(r);
            }
        }
        if (changelog.end(key)) {
            accState.update(handle.getAccumulators());
        } else {
            accState.clear();
            if (distinct != null) {
                distinct.clear();
            }
        }
    }

    @Override
    public long processWatermark(long watermark) throws Exception {
        trigger.flushNow();
        return watermark;
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        trigger.flushNow();
        if (distinct != null) {
            distinct.flush();
        }
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
