package io.weir.runtime.testutils;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.StateBackendOptions;
import io.weir.checkpoint.state.StateBackends;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.io.WakeupSignal;
import io.weir.runtime.operators.MailboxExecutor;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.ProcessingTimeService;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.tasks.ChainedOperator;
import io.weir.runtime.tasks.Mailbox;
import io.weir.runtime.tasks.ManualProcessingTimeService;
import io.weir.runtime.tasks.OperatorHost;
import io.weir.runtime.tasks.OperatorMetricsImpl;
import io.weir.runtime.tasks.OperatorRestoreState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one operator (keyed or not, one or two inputs) the way a task would, on the calling
 * thread, with a real state backend ({@code hashmap} or {@code rocksdb}) and a manual clock:
 * feed rows, watermarks and processing time; take snapshots and restore them into a fresh
 * instance; inspect output, metrics and pending timers (STYLE.md 12).
 *
 * <p>With {@link Builder#snapshotRestoreAtEveryStep()} the harness snapshots the operator after
 * every step, closes it and continues with a new instance restored from that snapshot, so a test
 * written for the plain harness also checks that state and timers survive a restore at any point.
 * Deferred timer firings and mailbox letters are drained after each step.
 */
public final class OperatorHarness implements AutoCloseable {
    private final OperatorFactory factory;
    private final Configuration config;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final boolean restoreEveryStep;
    private final StateBackend backend;
    private final ManualProcessingTimeService clock;
    private final CollectingOutput output = new CollectingOutput();
    private final Host host = new Host();
    private ChainedOperator operator;
    private long nextCheckpointId = 1;
    private boolean closed;

    private OperatorHarness(Builder b, OperatorRestoreState restore) throws Exception {
        this.factory = b.factory;
        this.config = b.config.copy();
        this.config.setString(StateBackendOptions.STATE_BACKEND_TYPE.key(), b.backend);
        this.subtaskIndex = b.subtaskIndex;
        this.parallelism = b.parallelism;
        this.maxParallelism = b.maxParallelism;
        this.restoreEveryStep = b.restoreEveryStep;
        this.backend = StateBackends.fromConfiguration(config);
        this.clock = new ManualProcessingTimeService(b.startTime);
        this.operator = newInstance(restore == null ? b.restore : restore);
    }

    public static Builder builder(OperatorFactory factory) {
        return new Builder(factory);
    }

    /** Configures a harness. */
    public static final class Builder {
        private final OperatorFactory factory;
        private Configuration config = new Configuration();
        private String backend = "hashmap";
        private int subtaskIndex;
        private int parallelism = 1;
        private int maxParallelism = 128;
        private long startTime;
        private boolean restoreEveryStep;
        private OperatorRestoreState restore;

        private Builder(OperatorFactory factory) {
            this.factory = factory;
        }

        public Builder configuration(Configuration c) {
            this.config = c.copy();
            return this;
        }

        /** {@code hashmap} (default) or {@code rocksdb}. */
        public Builder stateBackend(String type) {
            this.backend = type;
            return this;
        }

        public Builder subtask(int index, int parallelismOfOperator, int maxParallelismOfOperator) {
            this.subtaskIndex = index;
            this.parallelism = parallelismOfOperator;
            this.maxParallelism = maxParallelismOfOperator;
            return this;
        }

        public Builder processingTime(long start) {
            this.startTime = start;
            return this;
        }

        public Builder restoreFrom(OperatorRestoreState state) {
            this.restore = state;
            return this;
        }

        public Builder snapshotRestoreAtEveryStep() {
            this.restoreEveryStep = true;
            return this;
        }

        /** Creates and opens the harness. */
        public OperatorHarness open() throws Exception {
            return new OperatorHarness(this, null);
        }
    }

    private ChainedOperator newInstance(OperatorRestoreState restore) throws Exception {
        host.newEpoch();
        ChainedOperator op = new ChainedOperator(factory, host, subtaskIndex, parallelism, maxParallelism, restore,
            new OperatorMetricsImpl.TaskTimes() {
                @Override
                public long busyMillis() { return 0; }

                @Override
                public long backPressuredMillis() { return 0; }
            });
        op.setOutput(output);
        op.open();
        return op;
    }

    // ---------------------------------------------------------------- steps

    public OperatorHarness processElement(Row row) throws Exception {
        return processElement(0, row);
    }

    /** A row on input {@code input} (0 = left/only, 1 = right). */
    public OperatorHarness processElement(int input, Row row) throws Exception {
        operator.processElement(input, row);
        return afterStep();
    }

    public OperatorHarness processWatermark(long watermark) throws Exception {
        return processWatermark(0, watermark);
    }

    public OperatorHarness processWatermark(int input, long watermark) throws Exception {
        operator.processWatermark(input, watermark);
        return afterStep();
    }

    /** Marks input {@code input} idle (it no longer holds back the combined watermark). */
    public OperatorHarness setInputIdle(int input) throws Exception {
        operator.setInputIdle(input, true);
        return afterStep();
    }

    /** Moves processing time forward; due processing-time timers and callbacks fire. */
    public OperatorHarness setProcessingTime(long time) throws Exception {
        clock.advanceTo(time);
        return afterStep();
    }

    /** End of input: fires what remains and calls {@code finish()}. */
    public OperatorHarness endInput() throws Exception {
        drain();
        operator.finish();
        drain();
        return this;
    }

    /** Takes checkpoint {@code n} (sync + async parts) and returns what a restore needs. */
    public OperatorRestoreState snapshot() throws Exception {
        return operator.snapshot(nextCheckpointId++, clock.currentProcessingTime(), new MemoryCheckpointStreamFactory()).complete();
    }

    public OperatorHarness notifyCheckpointComplete(long checkpointId) throws Exception {
        operator.notifyCheckpointComplete(checkpointId);
        return afterStep();
    }

    /** Closes this instance and continues with a fresh one restored from {@code state} (output is kept). */
    public OperatorHarness restore(OperatorRestoreState state) throws Exception {
        operator.close();
        operator = newInstance(state);
        return this;
    }

    private OperatorHarness afterStep() throws Exception {
        drain();
        if (restoreEveryStep) {
            restore(snapshot());
        }
        return this;
    }

    private void drain() throws Exception {
        while (!host.deferred.isEmpty() || !host.mailbox.isEmpty()) {
            host.mailbox.runAvailable();
            ChainedOperator d = host.deferred.poll();
            if (d != null && !d.fireEventTimeStep()) {
                host.deferred.add(d);
            }
        }
    }

    // ---------------------------------------------------------------- inspection

    public CollectingOutput output() {
        return output;
    }

    public List<Row> rows() {
        return output.rows();
    }

    public List<Long> watermarks() {
        return output.watermarks();
    }

    /** Pending timers of both domains (empty for an operator without timers). */
    public List<Timer<Object>> pendingTimers() {
        return operator.timers() == null ? List.of() : new ArrayList<>(operator.timers().pendingTimers());
    }

    /** The operator's keyed state backend (null if not keyed): read state for the current key after {@code setCurrentKey}. */
    public io.weir.checkpoint.state.KeyedStateBackend<Row> keyedStateBackend() {
        return operator.keyedStateBackend();
    }

    /** Current processing time of the harness clock. */
    public long processingTime() {
        return clock.currentProcessingTime();
    }

    public OperatorMetricsImpl metrics() {
        return operator.metrics();
    }

    public ChainedOperator chainedOperator() {
        return operator;
    }

    /** Checkpoint id the next {@link #snapshot()} uses. */
    public long nextCheckpointId() {
        return nextCheckpointId;
    }

    @Override
    public void close() throws Exception {
        if (!closed) {
            closed = true;
            try {
                operator.close();
            } finally {
                backend.close();
            }
        }
    }

    private final class EpochClock implements ProcessingTimeService {
        final boolean[] alive;

        EpochClock(boolean[] alive) {
            this.alive = alive;
        }

        @Override
        public long currentProcessingTime() {
            return clock.currentProcessingTime();
        }

        @Override
        public Cancellable schedule(long time, Callback callback) {
            return clock.schedule(time, t -> {
                if (alive[0]) {
                    callback.onProcessingTime(t);
                }
            });
        }
    }

    private final class Host implements OperatorHost {
        final Mailbox mailbox = new Mailbox(new WakeupSignal());
        final ArrayDeque<ChainedOperator> deferred = new ArrayDeque<>();
        private ProcessingTimeService epochClock;

        /** A fresh view of the clock for a new instance: callbacks of closed instances are dropped. */
        void newEpoch() {
            mailbox.clear();
            deferred.clear();
            boolean[] alive = {true};
            if (epochClock != null) {
                ((EpochClock) epochClock).alive[0] = false;
            }
            epochClock = new EpochClock(alive);
        }

        @Override
        public String jobId() { return "harness"; }

        @Override
        public Configuration configuration() { return config; }

        @Override
        public MailboxExecutor mailbox() { return mailbox; }

        @Override
        public ProcessingTimeService processingTimeService() { return epochClock; }

        @Override
        public StateBackend stateBackend() { return backend; }

        @Override
        public int timerFiringBatchSize() { return config.get(io.weir.runtime.RuntimeOptions.TIMER_FIRING_BATCH_SIZE); }

        @Override
        public void deferEventTimeFiring(ChainedOperator op) {
            deferred.add(op);
        }
    }
}
