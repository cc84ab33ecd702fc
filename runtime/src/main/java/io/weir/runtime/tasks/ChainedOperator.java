package io.weir.runtime.tasks;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import io.weir.checkpoint.storage.IncrementalCheckpointStreams;
import io.weir.runtime.data.Row;
import io.weir.runtime.io.TaskCanceledException;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StateInitialization;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import io.weir.runtime.operators.TwoInputStreamOperator;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.timers.InternalTimerService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RunnableFuture;

/**
 * Runs one operator instance inside a task: sets the current key before elements and timers,
 * tracks per-input watermarks, fires timers (event time in bounded steps, processing time through
 * the mailbox), forwards watermarks monotonically, owns the operator's state backends and
 * metrics, and names the operator in failures. Task thread only.
 */
public final class ChainedOperator {
    private final OperatorFactory factory;
    private final StreamOperator operator;
    private final OperatorHost host;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final OperatorRestoreState restore;
    private final KeyGroupRange ownedKeyGroups;
    private final OperatorMetricsImpl metrics;
    private final OperatorContextImpl context;
    private Output output;
    private KeyedStateBackend<Row> keyed;
    private OperatorStateBackend operatorState;
    private InternalTimerService<Object> timers;
    private final long[] inputWatermarks = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final boolean[] inputIdle = new boolean[2];
    private long combinedWatermark = Long.MIN_VALUE;
    private long processedWatermark = Long.MIN_VALUE;
    private long forwardedWatermark = Long.MIN_VALUE;
    private boolean firingDeferred;
    private long scheduledProcessingWakeup = Long.MAX_VALUE;
    private boolean opened;

    public ChainedOperator(OperatorFactory factory, OperatorHost host, int subtaskIndex, int parallelism, int maxParallelism,
                           OperatorRestoreState restore, OperatorMetricsImpl.TaskTimes taskTimes) {
        this.factory = factory;
        this.operator = factory.createOperator();
        this.host = host;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.restore = restore;
        this.ownedKeyGroups = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex);
        this.metrics = new OperatorMetricsImpl(factory.name(), subtaskIndex, taskTimes);
        this.context = new OperatorContextImpl(this, host);
    }

    /** Sets where this operator emits: counting, then {@code downstream}. Before {@link #open()}. */
    public void setOutput(Output downstream) {
        this.output = new CountingOutput(downstream);
    }

    public String name() { return factory.name(); }
    public String uid() { return factory.uid(); }
    public int subtaskIndex() { return subtaskIndex; }
    public int parallelism() { return parallelism; }
    public int maxParallelism() { return maxParallelism; }
    public OperatorMetricsImpl metrics() { return metrics; }
    public StreamOperator operator() { return operator; }
    Output output() { return output; }
    KeyedStateBackend<Row> keyedBackend() { return keyed; }

    /** The key-group range this subtask owns. */
    public KeyGroupRange keyGroupRange() {
        return ownedKeyGroups;
    }

    /** The keyed state backend, or null for a non-keyed operator (for harnesses and tests). */
    public KeyedStateBackend<Row> keyedStateBackend() {
        return keyed;
    }

    /** Creates (and restores) the backends, then calls {@code open} and {@code initializeState}. */
    public void open() throws Exception {
        if (factory.isKeyed()) {
            KeyedStateBackendParameters.Builder<Row> params = KeyedStateBackendParameters
                .builder((TypeSerializer<Row>) new RowSerializer(factory.keyType()), maxParallelism, keyGroupRange())
                .operatorIdentifier(factory.uid() + "_" + subtaskIndex);
            if (restore != null) {
                params.restoreFrom(restore.keyedState());
            }
            keyed = host.stateBackend().createKeyedStateBackend(params.build());
        }
        if (restore != null && !restore.operatorState().isEmpty()) {
            operatorStateBackend();
        }
        opened = true;
        call(() -> operator.open(context));
        StateInitialization init = restore == null ? StateInitialization.fresh() : StateInitialization.restoredFrom(restore.checkpointId());
        call(() -> operator.initializeState(init));
    }

    OperatorStateBackend operatorStateBackend() {
        if (operatorState == null) {
            try {
                operatorState = host.stateBackend().createOperatorStateBackend(factory.uid() + "_" + subtaskIndex,
                    restore == null ? List.of() : restore.operatorState());
            } catch (Exception e) {
                throw new IllegalStateException("operator '" + name() + "': cannot create operator state", e);
            }
        }
        return operatorState;
    }

    @SuppressWarnings("unchecked")
    <N> TimerService<N> timerService(TypeSerializer<N> namespaceSerializer) {
        if (keyed == null) {
            throw new IllegalStateException("operator '" + name() + "' is not keyed: timers need a key (declare it with OperatorFactory.keyed)");
        }
        if (timers == null) {
            timers = new InternalTimerService<>(keyed, (TypeSerializer<Object>) namespaceSerializer,
                host.processingTimeService()::currentProcessingTime, this::scheduleProcessingWakeup);
            timers.setCurrentWatermark(combinedWatermark);
            if (restore != null) {
                call(() -> timers.restore(restore.timers(), keyGroupRange()));
            }
        } else if (!timers.namespaceSerializer().equals(namespaceSerializer) && timers.namespaceSerializer() != namespaceSerializer) {
            throw new IllegalStateException("operator '" + name() + "' asked for timers with two namespace serializers");
        }
        return (TimerService<N>) timers;
    }

    /** The operator's timers, or null if it never asked for a timer service. */
    public InternalTimerService<Object> timers() {
        return timers;
    }

    // ---------------------------------------------------------------- elements

    /** A row on input {@code input} (0, or 1 for the right input of a two-input operator). */
    public void processElement(int input, Row row) {
        metrics.recordsIn++;
        setKeyFor(input, row);
        try {
            if (input == 0) {
                if (operator instanceof OneInputStreamOperator) {
                    ((OneInputStreamOperator) operator).processElement(row);
                } else {
                    ((TwoInputStreamOperator) operator).processElement1(row);
                }
            } else {
                ((TwoInputStreamOperator) operator).processElement2(row);
            }
        } catch (OperatorException | TaskCanceledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), e);
        }
    }

    private void setKeyFor(int input, Row row) {
        if (keyed != null) {
            KeySelector selector = factory.keySelector(input);
            // the backend refuses a key outside its key groups: a planner that forgot the hash exchange fails loudly
            keyed.setCurrentKey(selector.getKey(row));
        }
    }

    // ---------------------------------------------------------------- watermarks

    /** Input {@code input}'s watermark advanced (already monotonic and idle-filtered per input). */
    public void processWatermark(int input, long watermark) {
        inputIdle[input] = false;
        if (watermark <= inputWatermarks[input]) {
            return;
        }
        inputWatermarks[input] = watermark;
        if (operator instanceof TwoInputStreamOperator) {
            long w = watermark;
            call(() -> {
                if (input == 0) {
                    ((TwoInputStreamOperator) operator).processWatermark1(w);
                } else {
                    ((TwoInputStreamOperator) operator).processWatermark2(w);
                }
            });
        }
        recombine();
    }

    /** Input {@code input} became idle or active; an idle input does not hold back the combined watermark. */
    public void setInputIdle(int input, boolean idle) {
        inputIdle[input] = idle;
        if (idle) {
            recombine();
        }
    }

    private void recombine() {
        long min;
        if (operator instanceof TwoInputStreamOperator) {
            if (inputIdle[0] && inputIdle[1]) {
                return;
            }
            min = inputIdle[0] ? inputWatermarks[1] : inputIdle[1] ? inputWatermarks[0] : Math.min(inputWatermarks[0], inputWatermarks[1]);
        } else {
            min = inputWatermarks[0];
        }
        if (min > combinedWatermark) {
            combinedWatermark = min;
            metrics.inputWatermark = min;
            if (timers != null) {
                timers.setCurrentWatermark(min);
            }
            if (!firingDeferred && !fireEventTimeStep()) {
                firingDeferred = true;
                host.deferEventTimeFiring(this);
            }
        }
    }

    /**
     * Fires up to one batch of event-time timers due at the combined watermark. When all are fired,
     * calls {@code processWatermark} and forwards its result; otherwise forwards the progress so far
     * (the earliest unfired timer's timestamp minus one) and returns false.
     *
     * @return true when the watermark is fully processed
     */
    public boolean fireEventTimeStep() {
        if (timers != null) {
            int budget = host.timerFiringBatchSize();
            for (int i = 0; i < budget; i++) {
                Timer<Object> t = timers.pollEventTimer(combinedWatermark);
                if (t == null) {
                    break;
                }
                fire(t);
            }
            if (timers.hasEventTimerUpTo(combinedWatermark)) {
                advanceProcessed(timers.nextEventTimerTimestamp() - 1);
                return false;
            }
        }
        advanceProcessed(combinedWatermark);
        firingDeferred = false;
        return true;
    }

    private void advanceProcessed(long watermark) {
        if (watermark <= processedWatermark) {
            return;
        }
        processedWatermark = watermark;
        long[] result = new long[1];
        call(() -> result[0] = operator.processWatermark(watermark));
        forwardWatermark(result[0]);
    }

    private void forwardWatermark(long watermark) {
        if (watermark > forwardedWatermark) {
            forwardedWatermark = watermark;
            metrics.outputWatermark = watermark;
            output.emitWatermark(watermark);
        }
    }

    private void fire(Timer<Object> t) {
        if (keyed != null) {
            keyed.setCurrentKey(t.key());
        }
        call(() -> operator.onTimer(t));
    }

    // ---------------------------------------------------------------- processing time

    private void scheduleProcessingWakeup(long time) {
        if (time >= scheduledProcessingWakeup) {
            return;
        }
        scheduledProcessingWakeup = time;
        host.processingTimeService().schedule(time, this::onProcessingTime);
    }

    private void onProcessingTime(long scheduledTime) {
        if (scheduledTime == scheduledProcessingWakeup) {
            scheduledProcessingWakeup = Long.MAX_VALUE;
        }
        long now = host.processingTimeService().currentProcessingTime();
        int budget = host.timerFiringBatchSize();
        for (int i = 0; i < budget; i++) {
            Timer<Object> t = timers.pollProcessingTimer(now);
            if (t == null) {
                break;
            }
            fire(t);
        }
        if (timers.hasProcessingTimerUpTo(now)) {
            host.mailbox().execute(() -> onProcessingTime(Long.MIN_VALUE), "processing-time timers of " + name());
        } else if (timers.numProcessingTimeTimers() > 0) {
            scheduleProcessingWakeup(timers.nextProcessingTimerTimestamp());
        }
    }

    // ---------------------------------------------------------------- checkpoints and life cycle

    /**
     * Synchronous part of a checkpoint: {@code snapshotState}, then the backends' synchronous parts
     * and the timers. The returned snapshot's {@link OperatorSnapshot#complete()} runs the rest.
     */
    public OperatorSnapshot snapshot(long checkpointId, long timestamp, CheckpointStreamFactory streams) throws Exception {
        call(() -> operator.snapshotState(checkpointId));
        RunnableFuture<SnapshotResult<KeyedStateHandle>> k = keyed == null ? null
            : streams instanceof IncrementalCheckpointStreams inc
            ? keyed.snapshotIncremental(checkpointId, timestamp, inc.shared(), inc.exclusive())
            : keyed.snapshot(checkpointId, timestamp, streams);
        RunnableFuture<SnapshotResult<OperatorStateHandle>> o =
            operatorState == null ? null : operatorState.snapshot(checkpointId, timestamp, streams);
        Map<Integer, byte[]> t = timers != null ? timers.snapshot() : restore != null ? restore.timers() : Map.of();
        return new OperatorSnapshot(uid(), checkpointId, k, o, t);
    }

    public void notifyCheckpointComplete(long checkpointId) {
        if (keyed != null) {
            keyed.notifyCheckpointComplete(checkpointId);
        }
        call(() -> operator.notifyCheckpointComplete(checkpointId));
    }

    public void notifyCheckpointAborted(long checkpointId) {
        call(() -> operator.notifyCheckpointAborted(checkpointId));
    }

    public void finish() {
        call(operator::finish);
    }

    /** Closes the operator (if opened) and its backends; the first failure is thrown after all are closed. */
    public void close() throws Exception {
        Exception first = null;
        if (opened) {
            try {
                operator.close();
            } catch (Exception e) {
                first = new OperatorException(name(), e);
            }
        }
        if (keyed != null) {
            keyed.close();
        }
        if (operatorState != null) {
            operatorState.close();
        }
        if (first != null) {
            throw first;
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private void call(Call c) {
        try {
            c.run();
        } catch (OperatorException | TaskCanceledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), e);
        }
    }

    /** Counts rows out and keeps output watermarks monotonic. */
    private final class CountingOutput implements WatermarkStatusOutput {
        private final Output downstream;
        private long lastWatermark = Long.MIN_VALUE;

        CountingOutput(Output downstream) {
            this.downstream = downstream;
        }

        @Override
        public void collect(Row row) {
            metrics.recordsOut++;
            downstream.collect(row);
        }

        @Override
        public void emitWatermark(long watermark) {
            if (watermark > lastWatermark) {
                lastWatermark = watermark;
                metrics.outputWatermark = watermark;
                downstream.emitWatermark(watermark);
            }
        }

        @Override
        public void emitWatermarkStatus(boolean idle) {
            if (downstream instanceof WatermarkStatusOutput) {
                ((WatermarkStatusOutput) downstream).emitWatermarkStatus(idle);
            }
        }
    }
}
