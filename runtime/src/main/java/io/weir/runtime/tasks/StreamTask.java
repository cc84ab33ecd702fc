package io.weir.runtime.tasks;

import io.weir.checkpoint.CheckpointingOptions;
import io.weir.checkpoint.barrier.AlignmentMetrics;
import io.weir.checkpoint.barrier.BarrierHandlingMode;
import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.CheckpointingOptions.CheckpointingMode;
import io.weir.checkpoint.state.StateBackend;
import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.io.Batch;
import io.weir.runtime.io.Channel;
import io.weir.runtime.io.ChannelWriter;
import io.weir.runtime.io.CheckpointBarrier;
import io.weir.runtime.io.EndOfData;
import io.weir.runtime.io.EndOfInput;
import io.weir.runtime.io.InputGate;
import io.weir.runtime.io.TaskCanceledException;
import io.weir.runtime.io.WakeupSignal;
import io.weir.runtime.io.Watermark;
import io.weir.runtime.io.WatermarkStatus;
import io.weir.runtime.io.WatermarkValve;
import io.weir.runtime.operators.MailboxExecutor;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.ProcessingTimeService;
import io.weir.runtime.operators.SourceOperator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One subtask of a vertex: one thread running the vertex's operator chain (DESIGN.md section 4).
 *
 * <h2>The loop</h2>
 * Each turn: run the mailbox letters present now (checkpoint triggers, processing-time timers,
 * async completions); then, if an operator has event-time timers left for its watermark, fire one
 * batch of them; otherwise take one unit of input (one batch or event from the input gate, or one
 * {@link SourceOperator#emitNext()} of a source head); flush output batches older than
 * {@code execution.buffer-timeout}; wait for a wake-up when there was nothing to do. Input is not
 * taken while timers are deferred, so end of input (and {@code finish}) always comes after every
 * deferred firing; only with {@code unaligned.interruptible-timers.enabled} is a priority
 * (unaligned) barrier taken between two groups of firings.
 *
 * <h2>Checkpoints</h2>
 * A source task snapshots on the trigger letter and emits the barrier. A task with input hands
 * barriers and ended channels to its {@link BarrierInput}, which decides by mode (aligned,
 * at-least-once, unaligned, aligned then unaligned) when to call {@link #snapshotAndForward}
 * (synchronous snapshot of every operator, then the barrier in band or, unaligned, ahead of the
 * queued output, whose rows become output channel state) and, once every channel delivered the
 * barrier, {@link #acknowledgePending} (the input channel state persisted meanwhile is attached,
 * with the alignment metrics). On restore, channel state is replayed after {@code open} and before
 * any new input: first the output, then the input.
 *
 * <h2>Ending</h2>
 * When every input channel has ended (or the source head reports END_OF_INPUT, after emitting a
 * final {@code Long.MAX_VALUE} watermark), the task calls {@code finish()} head to tail, sends
 * {@link EndOfInput} downstream, closes the operators and reports FINISHED. When the job waits
 * for a final checkpoint ({@link TaskEnvironment#awaitFinalCheckpoint()}), it sends
 * {@link EndOfData} instead and stays alive, handling triggers, barriers and notifications, until
 * a checkpoint taken after finishing has completed and all its input channels have ended; then it
 * sends {@code EndOfInput} and ends. Cancellation sets a
 * flag and interrupts the thread; the task notices between two rows of a batch, a task blocked on a
 * full channel within ~10 ms; it then closes its operators and their state backends before it
 * reports CANCELED, so a cancelled job holds no state (nor RocksDB's native memory) once it ended.
 * Any exception fails the task with the name of the operator that threw.
 */
public final class StreamTask implements Runnable, OperatorHost {
    private final TaskEnvironment env;
    private final JobVertex vertex;
    private final int subtaskIndex;
    private final Map<String, OperatorRestoreState> restore;
    private final InputGate gate;
    private final WakeupSignal wakeup;
    private final Mailbox mailbox;
    private final SystemProcessingTimeService processingTime;
    private final TaskListener listener;
    private final List<OutputSpec> outputSpecs;
    private final List<ChainedOperator> chain = new ArrayList<>();
    private final ArrayDeque<ChainedOperator> deferredFirings = new ArrayDeque<>();
    private final long bufferTimeoutNanos;
    private final int batchSize;
    private final int timerBatchSize;
    private final RecordWriterOutput tail;
    private final WatermarkValve[] valves;
    private final boolean[] inputIdle;
    private final BarrierHandlingMode barrierMode;
    private final boolean interruptibleTimers;
    private final BarrierInput barriers;
    private PendingTaskCheckpoint pendingCheckpoint;
    private final long alignedTimeoutMillis;
    private volatile boolean canceled;
    private volatile Thread thread;
    private boolean inputEnded;
    private boolean finished;
    private volatile boolean finishedInput;
    private volatile boolean ended;
    private volatile boolean endedFinished;
    private long finalCheckpointId = -1;
    private boolean finalCheckpointCompleted;
    private final long startNanos = System.nanoTime();
    private volatile long idleNanos;
    private volatile long endNanos;

    /** Receives the end of a task; called on the task thread. */
    public interface TaskListener {
        void onFinished(StreamTask task);

        void onCanceled(StreamTask task);

        void onFailed(StreamTask task, String operatorName, Throwable cause);
    }

    /** One outgoing edge: the channels to its target subtasks, its partitioner and the target's max parallelism. */
    public static final class OutputSpec {
        final Channel[] channels;
        final Partitioner partitioner;
        final int targetMaxParallelism;

        public OutputSpec(Channel[] channels, Partitioner partitioner, int targetMaxParallelism) {
            this.channels = channels.clone();
            this.partitioner = partitioner;
            this.targetMaxParallelism = targetMaxParallelism;
        }
    }

    public StreamTask(TaskEnvironment env, JobVertex vertex, int subtaskIndex, Map<String, OperatorRestoreState> restore,
                      InputGate gate, WakeupSignal wakeup, List<OutputSpec> outputs, TaskListener listener) {
        this.env = env;
        this.vertex = vertex;
        this.subtaskIndex = subtaskIndex;
        this.restore = Map.copyOf(restore);
        this.gate = gate;
        this.wakeup = wakeup;
        this.mailbox = new Mailbox(wakeup);
        this.processingTime = new SystemProcessingTimeService(env.scheduler(), mailbox);
        this.listener = listener;
        this.outputSpecs = List.copyOf(outputs);
        Configuration conf = env.configuration();
        this.bufferTimeoutNanos = conf.get(RuntimeOptions.BUFFER_TIMEOUT).toNanos();
        this.batchSize = conf.get(RuntimeOptions.BATCH_SIZE);
        this.timerBatchSize = Math.max(1, conf.get(RuntimeOptions.TIMER_FIRING_BATCH_SIZE));
        this.tail = new RecordWriterOutput(createWriters(), bufferTimeoutNanos == 0);
        buildChain();
        int channels = gate == null ? 0 : gate.numberOfChannels();
        this.valves = new WatermarkValve[] {new WatermarkValve(channels), new WatermarkValve(channels)};
        for (int c = 0; c < channels; c++) {
            valves[1 - gate.inputOf(c)].onEnd(c); // each valve combines only its own input's channels
        }
        this.inputIdle = new boolean[2];
        this.barrierMode = barrierMode(conf, gate);
        this.alignedTimeoutMillis = conf.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT).toMillis();
        this.interruptibleTimers = barrierMode != BarrierHandlingMode.ALIGNED && barrierMode != BarrierHandlingMode.AT_LEAST_ONCE
            && conf.get(CheckpointingOptions.ENABLE_UNALIGNED_INTERRUPTIBLE_TIMERS);
        this.barriers = gate == null ? null : new BarrierInput(this, gate, mailbox, env.scheduler(), barrierMode,
            conf.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT).toMillis());
    }

    /**
     * The barrier handling of this task: {@code execution.checkpointing.mode}, {@code .unaligned.enabled}
     * and {@code .aligned-checkpoint-timeout}; aligned when an input or output edge does not support
     * unaligned checkpoints (pointwise or broadcast, as in Flink) unless {@code .unaligned.forced}.
     */
    private BarrierHandlingMode barrierMode(Configuration conf, InputGate gate) {
        if (conf.get(CheckpointingOptions.MODE) != CheckpointingMode.EXACTLY_ONCE) {
            return BarrierHandlingMode.AT_LEAST_ONCE;
        }
        if (!conf.get(CheckpointingOptions.ENABLE_UNALIGNED)) {
            return BarrierHandlingMode.ALIGNED;
        }
        if (!conf.get(CheckpointingOptions.FORCE_UNALIGNED)) {
            for (OutputSpec o : outputSpecs) {
                if (!supportsUnaligned(o.partitioner.kind())) {
                    return BarrierHandlingMode.ALIGNED;
                }
            }
            if (gate != null && gate.hasUnalignedUnsupportedChannel()) {
                return BarrierHandlingMode.ALIGNED;
            }
        }
        return conf.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT).isZero() ? BarrierHandlingMode.UNALIGNED
            : BarrierHandlingMode.ALIGNED_THEN_UNALIGNED;
    }

    /** Flink takes pointwise (forward) and broadcast edges aligned unless unaligned checkpoints are forced. */
    public static boolean supportsUnaligned(io.weir.runtime.graph.PartitionerKind kind) {
        return kind != io.weir.runtime.graph.PartitionerKind.FORWARD && kind != io.weir.runtime.graph.PartitionerKind.BROADCAST;
    }

    /** How this task handles barriers (for tests and logs). */
    public BarrierHandlingMode barrierMode() {
        return barrierMode;
    }

    public String name() {
        return vertex.name() + " (" + (subtaskIndex + 1) + "/" + vertex.parallelism() + ")";
    }

    public JobVertex vertex() { return vertex; }

    public int subtaskIndex() { return subtaskIndex; }

    public List<ChainedOperator> chain() { return chain; }

    /** True if the head of the chain is a source operator. */
    public boolean isSource() {
        return chain.get(0).operator() instanceof SourceOperator;
    }

    /** True once every operator finished (input ended); the task may still wait for a final checkpoint. Any thread. */
    public boolean hasFinishedInput() {
        return finishedInput;
    }

    /** True while the task's source reads a backlog ({@link SourceOperator#isProcessingBacklog()}). Any thread. */
    public boolean isProcessingBacklog() {
        return !finishedInput && !chain.isEmpty() && chain.get(0).operator() instanceof SourceOperator s && s.isProcessingBacklog();
    }

    /** True once the task thread has ended (finished, failed or cancelled); it takes no more checkpoints. Any thread. */
    public boolean hasEnded() {
        return ended;
    }

    /**
     * True once the task finished normally (input ended, operators closed): it will take no more
     * checkpoints, and its state is complete. A failed or cancelled task never is. Any thread.
     */
    public boolean hasFinished() {
        return endedFinished;
    }

    /** Starts the task's thread. */
    public void start() {
        Thread t = new Thread(this, "weir-task " + env.jobName() + " " + name());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the task promptly; safe from any thread, idempotent. */
    public void cancel() {
        canceled = true;
        wakeup.signal();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean isCanceled() {
        return canceled;
    }

    public Thread thread() {
        return thread;
    }

    /** Waits for the task thread to end. */
    public void join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(millis);
        }
    }

    // ---------------------------------------------------------------- OperatorHost

    @Override
    public String jobId() { return env.jobId(); }

    @Override
    public Configuration configuration() { return env.configuration(); }

    @Override
    public MailboxExecutor mailbox() { return mailbox; }

    @Override
    public ProcessingTimeService processingTimeService() { return processingTime; }

    @Override
    public StateBackend stateBackend() { return env.stateBackend(); }

    @Override
    public int timerFiringBatchSize() { return timerBatchSize; }

    @Override
    public void deferEventTimeFiring(ChainedOperator operator) {
        deferredFirings.add(operator);
    }

    // ---------------------------------------------------------------- run

    @Override
    public void run() {
        String failedOperator = vertex.name();
        try {
            if (restoredAsFinished()) {
                // it had finished before the restored checkpoint: nothing to run again
                finishedInput = true;
                tail.broadcast(EndOfInput.INSTANCE);
                endedFinished = true;
                listener.onFinished(this);
                return;
            }
            openChain();
            ChannelStateReplay.replay(name(), restore, chain, tail, gate);
            loop();
            if (canceled) {
                closeQuietly(); // releases the operators' state backends (RocksDB: native memory, files)
                listener.onCanceled(this);
            } else {
                closeChain();
                endedFinished = true;
                listener.onFinished(this);
            }
        } catch (Throwable t) {
            if (canceled) {
                closeQuietly();
                listener.onCanceled(this);
            } else {
                if (t instanceof OperatorException) {
                    failedOperator = ((OperatorException) t).operatorName();
                }
                closeQuietly();
                listener.onFailed(this, failedOperator, t instanceof OperatorException ? t.getCause() : t);
            }
        } finally {
            processingTime.shutdown();
            mailbox.clear();
            endNanos = System.nanoTime();
            ended = true;
        }
    }

    /** Every operator of the chain is restored as finished ({@link OperatorRestoreState#isFinished()}). */
    private boolean restoredAsFinished() {
        for (OperatorFactory f : vertex.chain()) {
            OperatorRestoreState r = restore.get(f.uid());
            if (r == null || !r.isFinished()) {
                return false;
            }
        }
        return true;
    }

    private List<ChannelWriter> createWriters() {
        List<ChannelWriter> writers = new ArrayList<>();
        for (OutputSpec s : outputSpecs) {
            writers.add(new ChannelWriter(s.channels, s.partitioner, s.targetMaxParallelism, batchSize, this::isCanceled));
        }
        return writers;
    }

    private void buildChain() {
        OperatorMetricsImpl.TaskTimes times = new OperatorMetricsImpl.TaskTimes() {
            @Override
            public long busyMillis() {
                return StreamTask.this.busyMillis();
            }

            @Override
            public long backPressuredMillis() {
                return StreamTask.this.backPressuredMillis();
            }
        };
        for (OperatorFactory f : vertex.chain()) {
            chain.add(new ChainedOperator(f, this, subtaskIndex, vertex.parallelism(), vertex.maxParallelism(),
                restore.get(f.uid()), times));
        }
        for (int i = 0; i < chain.size(); i++) {
            chain.get(i).setOutput(i + 1 < chain.size() ? new ChainingOutput(chain.get(i + 1)) : tail);
        }
    }

    /** Opens tail to head, so that an operator emitting in {@code open} finds its successor ready. */
    private void openChain() throws Exception {
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).open();
        }
    }

    private void loop() throws Exception {
        ChainedOperator head = chain.get(0);
        SourceOperator source = head.operator() instanceof SourceOperator ? (SourceOperator) head.operator() : null;
        while (!canceled) {
            mailbox.runAvailable();
            if (!deferredFirings.isEmpty()) {
                if (interruptibleTimers && gate != null) {
                    Object priority = gate.pollPriority();
                    if (priority != null) {
                        handleInput(head, priority); // an unaligned barrier between two groups of timer firings
                        continue;
                    }
                }
                ChainedOperator op = deferredFirings.poll();
                if (!op.fireEventTimeStep()) {
                    deferredFirings.add(op);
                }
                continue;
            }
            if (inputEnded && !finished) {
                finishChain();
                finished = true;
                finishedInput = true;
                if (!env.awaitFinalCheckpoint()) {
                    tail.broadcast(EndOfInput.INSTANCE);
                    return;
                }
                tail.broadcast(EndOfData.INSTANCE);
            }
            if (finished && finalCheckpointCompleted && (gate == null || gate.allEnded())) {
                tail.broadcast(EndOfInput.INSTANCE);
                return;
            }
            boolean progressed = finished ? gate != null && processInput(head)
                : source != null ? pollSource(source, head) : processInput(head);
            flushByTimeout();
            if (!progressed && mailbox.isEmpty() && !(inputEnded && !finished)) {
                waitForWork(source != null && !finished);
            }
        }
    }

    private boolean pollSource(SourceOperator source, ChainedOperator head) throws Exception {
        SourceOperator.Status status;
        try {
            status = source.emitNext();
        } catch (OperatorException | TaskCanceledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(head.name(), e);
        }
        if (status == SourceOperator.Status.END_OF_INPUT) {
            head.output().emitWatermark(Long.MAX_VALUE);
            inputEnded = true;
        }
        return status == SourceOperator.Status.MORE_AVAILABLE;
    }

    private boolean processInput(ChainedOperator head) throws Exception {
        Object item = gate.poll();
        if (item == null) {
            return false;
        }
        handleInput(head, item);
        return true;
    }

    private void handleInput(ChainedOperator head, Object item) throws Exception {
        int channel = gate.lastChannel();
        int input = gate.inputOf(channel);
        if (item instanceof Batch) {
            Batch b = (Batch) item;
            barriers.onBatch(channel, b);
            valves[input].onActive(channel);
            if (inputIdle[input]) {
                inputIdle[input] = false;
                head.setInputIdle(input, false);
            }
            for (int i = 0; i < b.size() && !canceled; i++) {
                head.processElement(input, b.get(i));
            }
        } else if (item instanceof Watermark) {
            applyWatermark(head, input, valves[input].onWatermark(channel, ((Watermark) item).timestamp()));
        } else if (item instanceof WatermarkStatus) {
            onStatus(head, channel, input, (WatermarkStatus) item);
        } else if (item instanceof CheckpointBarrier) {
            barriers.onBarrier(channel, (CheckpointBarrier) item);
        } else if (item instanceof EndOfInput || item instanceof EndOfData) {
            applyWatermark(head, input, valves[input].onEnd(channel));
            if (item instanceof EndOfInput) {
                barriers.onEndOfInput(channel);
            }
            if (gate.allDataEnded()) {
                inputEnded = true;
            }
        }
    }

    private void applyWatermark(ChainedOperator head, int input, long combined) {
        if (combined != WatermarkValve.NO_CHANGE) {
            head.processWatermark(input, combined);
        }
    }

    private void onStatus(ChainedOperator head, int channel, int input, WatermarkStatus status) {
        if (status.isIdle()) {
            applyWatermark(head, input, valves[input].onIdle(channel));
        } else {
            valves[input].onActive(channel);
        }
        boolean idle = valves[input].isIdle();
        if (idle != inputIdle[input]) {
            inputIdle[input] = idle;
            head.setInputIdle(input, idle);
            boolean allIdle = true;
            for (int i = 0; i < 2; i++) {
                allIdle &= inputIdle[i] || !hasInput(i);
            }
            if (head.output() instanceof WatermarkStatusOutput && (allIdle || !idle)) {
                ((WatermarkStatusOutput) head.output()).emitWatermarkStatus(idle);
            }
        }
    }

    private boolean hasInput(int input) {
        for (int c = 0; c < gate.numberOfChannels(); c++) {
            if (gate.inputOf(c) == input) {
                return true;
            }
        }
        return false;
    }

    private void flushByTimeout() throws InterruptedException {
        if (bufferTimeoutNanos > 0) {
            tail.flushIfOlderThan(System.nanoTime() - bufferTimeoutNanos);
        }
    }

    private void waitForWork(boolean isSource) throws InterruptedException {
        long waitMs = isSource ? 1 : 50;
        long oldest = tail.oldestPendingNanos();
        if (oldest != Long.MAX_VALUE) {
            long dueIn = (oldest + bufferTimeoutNanos - System.nanoTime()) / 1_000_000;
            waitMs = Math.max(1, Math.min(waitMs, dueIn));
        }
        long start = System.nanoTime();
        try {
            wakeup.await(waitMs);
        } catch (InterruptedException e) {
            if (!canceled) {
                throw e;
            }
        }
        idleNanos += System.nanoTime() - start;
    }

    /** Finishes the operators head to tail, each after the deferred timer firings its predecessor caused. */
    private void finishChain() throws Exception {
        for (ChainedOperator op : chain) {
            op.finish();
            while (!deferredFirings.isEmpty()) {
                ChainedOperator d = deferredFirings.poll();
                if (!d.fireEventTimeStep()) {
                    deferredFirings.add(d);
                }
            }
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /**
     * Source tasks: takes a snapshot and emits barrier {@code checkpointId} on every output, as a
     * mailbox letter (so it happens between two {@code emitNext} calls). Thread-safe.
     */
    public void triggerCheckpoint(long checkpointId, long timestamp) {
        triggerCheckpoint(checkpointId, timestamp, false);
    }

    /** The same; a {@code savepoint} is always taken aligned. Thread-safe. */
    public void triggerCheckpoint(long checkpointId, long timestamp, boolean savepoint) {
        mailbox.execute(() -> performCheckpoint(checkpointId, timestamp, savepoint),
            (savepoint ? "trigger savepoint " : "trigger checkpoint ") + checkpointId);
    }

    /** Tells every operator that checkpoint {@code checkpointId} completed. Thread-safe. */
    public void notifyCheckpointComplete(long checkpointId) {
        mailbox.execute(() -> {
            for (ChainedOperator op : chain) {
                op.notifyCheckpointComplete(checkpointId);
            }
            if (finalCheckpointId >= 0 && checkpointId >= finalCheckpointId) {
                finalCheckpointCompleted = true;
            }
        }, "notify checkpoint complete " + checkpointId);
    }

    /** Tells every operator that checkpoint {@code checkpointId} was aborted. Thread-safe. */
    public void notifyCheckpointAborted(long checkpointId) {
        mailbox.execute(() -> {
            if (barriers != null) {
                barriers.abort(checkpointId, "aborted by the coordinator");
            }
            abortPending(checkpointId);
            for (ChainedOperator op : chain) {
                op.notifyCheckpointAborted(checkpointId);
            }
        }, "notify checkpoint aborted " + checkpointId);
    }

    /** Source tasks (no input gate): snapshot, forward and acknowledge at once. */
    private void performCheckpoint(long checkpointId, long timestamp, boolean savepoint) throws Exception {
        snapshotAndForward(checkpointId, timestamp, !savepoint && barrierMode == BarrierHandlingMode.UNALIGNED, savepoint);
        acknowledgePending(checkpointId, null);
    }

    /**
     * Takes the synchronous part of the snapshot of every operator and forwards barrier
     * {@code checkpointId}: in band, or ({@code unaligned}, unless the task already sent
     * {@code EndOfData}) ahead of all queued output, persisting the overtaken rows as output channel
     * state. The acknowledgement waits for
     * {@link #acknowledgePending} (when every input channel delivered the barrier). Task thread.
     */
    /** Where this subtask's channel state goes: shared with other subtasks' per the checkpoint options. */
    private io.weir.checkpoint.state.snapshot.CheckpointStreamFactory channelStateStreams(long checkpointId) {
        return io.weir.checkpoint.storage.SharedChannelStateFiles.forSubtask(env.checkpointStreams(checkpointId),
            vertex.uid(), subtaskIndex,
            env.configuration().get(io.weir.checkpoint.CheckpointingOptions.UNALIGNED_MAX_SUBTASKS_PER_CHANNEL_STATE_FILE));
    }

    void snapshotAndForward(long checkpointId, long timestamp, boolean unaligned, boolean savepoint) throws Exception {
        if (finished && finalCheckpointId < 0) {
            finalCheckpointId = checkpointId;
        }
        if (pendingCheckpoint != null) {
            abortPending(pendingCheckpoint.id); // never acknowledged: the coordinator moved on
        }
        List<OperatorSnapshot> snapshots = new ArrayList<>();
        for (ChainedOperator op : chain) {
            snapshots.add(op.snapshot(checkpointId, timestamp, env.checkpointStreams(checkpointId)));
        }
        CheckpointBarrier barrier = new CheckpointBarrier(checkpointId, timestamp, savepoint);
        PendingTaskCheckpoint p = new PendingTaskCheckpoint(barrier, snapshots, channelStateStreams(checkpointId));
        pendingCheckpoint = p;
        if (unaligned) {
            p.channelState(); // input channel state may follow
        }
        if (finished) {
            // after EndOfData the barrier must not overtake it: downstream tasks must see it after finishing
            tail.broadcast(barrier);
        } else if (unaligned) {
            List<List<List<Row>>> overtaken = tail.broadcastPriority(barrier);
            for (int edge = 0; edge < overtaken.size(); edge++) {
                for (int ch = 0; ch < overtaken.get(edge).size(); ch++) {
                    p.addOvertakenOutput(edge, ch, overtaken.get(edge).get(ch));
                }
            }
        } else if (!savepoint && barrierMode == BarrierHandlingMode.ALIGNED_THEN_UNALIGNED) {
            sendWatched(p, timestamp);
        } else {
            tail.broadcast(barrier);
        }
    }

    /**
     * Aligned then unaligned: the barrier goes out in band, watched; if it is still queued in some
     * output channel when the aligned-checkpoint timeout (counted from the trigger) passes, it is
     * promoted to the head of that queue and the rows it overtakes become output channel state.
     */
    private void sendWatched(PendingTaskCheckpoint p, long timestamp) {
        int[] channels = new int[tail.numberOfEdges()];
        for (int e = 0; e < channels.length; e++) {
            channels[e] = tail.numberOfChannels(e);
        }
        p.watch(channels);
        tail.broadcastWatched(p.barrier, (edge, ch) -> mailbox.execute(() -> {
            if (pendingCheckpoint == p) {
                p.watchedDone(edge, ch, null);
                acknowledgeIfReady(p);
            }
        }, "barrier " + p.id + " consumed"));
        long delay = Math.max(0, alignedTimeoutMillis - (System.currentTimeMillis() - timestamp));
        // promoted from the timer thread (channels are thread-safe): the task thread may be blocked on a full channel
        p.timer = env.scheduler().schedule(() -> promoteWatched(p), delay, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Timer thread: moves the watched barrier to the head of every queue still holding it; the task thread persists. */
    private void promoteWatched(PendingTaskCheckpoint p) {
        List<int[]> where = new ArrayList<>();
        List<List<Row>> overtaken = new ArrayList<>();
        for (int e = 0; e < tail.numberOfEdges(); e++) {
            for (int ch = 0; ch < tail.numberOfChannels(e); ch++) {
                List<Row> rows = tail.promote(e, ch, p.barrier);
                if (rows != null) {
                    where.add(new int[] {e, ch});
                    overtaken.add(rows);
                }
            }
        }
        if (where.isEmpty()) {
            return;
        }
        mailbox.execute(() -> {
            if (pendingCheckpoint == p) {
                for (int i = 0; i < where.size(); i++) {
                    p.watchedDone(where.get(i)[0], where.get(i)[1], overtaken.get(i));
                }
                acknowledgeIfReady(p);
            }
        }, "barrier " + p.id + " promoted");
    }

    /** Unaligned: an input buffer that preceded barrier {@code checkpointId} on {@code channel}. Task thread. */
    void persistInput(long checkpointId, int channel, byte[] buffer) throws java.io.IOException {
        PendingTaskCheckpoint p = pendingCheckpoint;
        if (p != null && p.id == checkpointId) {
            p.channelState().addInputData(checkpointId, 0, channel, buffer);
        }
    }

    /** Every input channel delivered the barrier (metrics null: no input): acknowledge when the output side is done too. Task thread. */
    void acknowledgePending(long checkpointId, AlignmentMetrics metrics) {
        PendingTaskCheckpoint p = pendingCheckpoint;
        if (p == null || p.id != checkpointId) {
            return;
        }
        p.inputDone(metrics);
        acknowledgeIfReady(p);
    }

    private void acknowledgeIfReady(PendingTaskCheckpoint p) {
        if (pendingCheckpoint != p || !p.readyToAcknowledge()) {
            return;
        }
        pendingCheckpoint = null;
        AlignmentMetrics m = p.complete();
        env.checkpointResponder().acknowledge(vertex.uid(), subtaskIndex, p.id, p.snapshots(), m);
    }

    /** The checkpoint was abandoned at this task (a newer barrier overtook it): drop its channel state. Task thread. */
    void abortPending(long checkpointId) {
        PendingTaskCheckpoint p = pendingCheckpoint;
        if (p != null && p.id == checkpointId) {
            pendingCheckpoint = null;
            p.abort();
        }
    }

    // ---------------------------------------------------------------- closing and metrics

    private void closeChain() throws Exception {
        Exception first = null;
        for (ChainedOperator op : chain) {
            try {
                op.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly() {
        for (ChainedOperator op : chain) {
            try {
                op.close();
            } catch (Throwable ignored) {
                // the task already failed or was cancelled; the first error is what matters
            }
        }
    }

    long busyMillis() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return Math.max(0, (end - startNanos - idleNanos) / 1_000_000 - backPressuredMillis());
    }

    long backPressuredMillis() {
        RecordWriterOutput t = tail;
        return t == null ? 0 : t.blockedNanos() / 1_000_000;
    }

    /** Rows are only handed over, never copied: see {@link Row} and {@link io.weir.runtime.operators.Output}. */
    @Override
    public String toString() {
        return "StreamTask{" + name() + "}";
    }
}
