package io.weir.runtime.cluster;

import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.PartitionerKind;
import io.weir.runtime.io.Channel;
import io.weir.runtime.io.InputGate;
import io.weir.runtime.io.WakeupSignal;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.ChainedOperator;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.tasks.StreamTask;
import io.weir.runtime.tasks.TaskEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running job of a {@link LocalCluster}: its tasks, channels and status. A monitor thread
 * follows the tasks: the first failure cancels all other tasks and fails the job with a
 * {@link JobFailure}; a cancel request cancels all tasks; when every task thread has ended the job
 * becomes FINISHED, FAILED or CANCELED and {@link #terminationFuture()} completes (no task thread
 * is alive by then).
 */
final class LocalJob implements JobClient, CheckpointControl {
    private final String jobId;
    private final JobGraph graph;
    private final TaskEnvironment env;
    private final RestoreProvider restore;
    /** The tasks while the job runs; empty once it ended, so that their operators and state can be collected. */
    private volatile List<StreamTask> tasks = new ArrayList<>();
    /** What {@link #metrics()} and {@link #taskStates()} report once the job ended. */
    private volatile List<OperatorMetricsSnapshot> finalMetrics;
    private volatile List<TaskState> finalTaskStates;
    private int taskCount;
    /** Per vertex, per subtask, per input channel: whether its edge does not support unaligned checkpoints. */
    private final Map<Integer, List<List<Boolean>>> inPointwise = new HashMap<>();
    private final LinkedBlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<JobStatus> termination = new CompletableFuture<>();
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile JobFailure failure;
    private boolean cancelRequested;
    private int runningTasks;
    private int runningSourceTasks;

    LocalJob(String jobId, JobGraph graph, ScheduledExecutorService scheduler, RestoreProvider restore) {
        this.jobId = jobId;
        this.graph = graph;
        this.env = new TaskEnvironment(jobId, graph.name(), graph.configuration(), scheduler);
        this.restore = restore;
    }

    /** The shared environment of the job's tasks (checkpointing hooks in here). */
    TaskEnvironment environment() {
        return env;
    }

    /** The tasks, in vertex order then subtask order. */
    List<StreamTask> tasks() {
        return tasks;
    }

    void start() {
        deploy();
        runningTasks = tasks.size();
        for (StreamTask t : tasks) {
            if (isSource(t)) {
                runningSourceTasks++;
            }
        }
        status = JobStatus.RUNNING;
        Thread monitor = new Thread(this::monitor, "weir-job-monitor " + graph.name());
        monitor.setDaemon(true);
        monitor.start();
        for (StreamTask t : tasks) {
            t.start();
        }
    }

    private static boolean isSource(StreamTask t) {
        return t.isSource();
    }

    // ---------------------------------------------------------------- deployment

    private void deploy() {
        int capacity = env.configuration().get(RuntimeOptions.CHANNEL_CAPACITY);
        Map<Integer, WakeupSignal[]> wakeups = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            WakeupSignal[] w = new WakeupSignal[v.parallelism()];
            for (int i = 0; i < w.length; i++) {
                w[i] = new WakeupSignal();
            }
            wakeups.put(v.id(), w);
        }
        // inputs.get(vertex)[subtask] = channels (and their input index) into that subtask
        Map<Integer, List<List<Channel>>> inChannels = new HashMap<>();
        Map<Integer, List<List<Integer>>> inInputs = new HashMap<>();
        Map<Integer, List<List<StreamTask.OutputSpec>>> outSpecs = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            inPointwise.put(v.id(), perSubtask(v.parallelism()));
            inChannels.put(v.id(), perSubtask(v.parallelism()));
            inInputs.put(v.id(), perSubtask(v.parallelism()));
            outSpecs.put(v.id(), perSubtask(v.parallelism()));
        }
        for (JobEdge e : graph.edges()) {
            connect(e, capacity, wakeups, inChannels, inInputs, outSpecs);
        }
        for (JobVertex v : graph.vertices()) {
            for (int i = 0; i < v.parallelism(); i++) {
                List<Channel> chans = inChannels.get(v.id()).get(i);
                InputGate gate = null;
                if (!chans.isEmpty()) {
                    int[] inputOf = inInputs.get(v.id()).get(i).stream().mapToInt(Integer::intValue).toArray();
                    List<Boolean> pw = inPointwise.get(v.id()).get(i);
                    boolean[] unsupported = new boolean[pw.size()];
                    for (int k = 0; k < unsupported.length; k++) {
                        unsupported[k] = pw.get(k);
                    }
                    gate = new InputGate(chans.toArray(new Channel[0]), inputOf, unsupported);
                }
                tasks.add(new StreamTask(env, v, i, restoreFor(v, i), gate, wakeups.get(v.id())[i],
                    outSpecs.get(v.id()).get(i), listener));
            }
        }
    }

    private Map<String, OperatorRestoreState> restoreFor(JobVertex v, int subtask) {
        Map<String, OperatorRestoreState> m = new HashMap<>();
        for (OperatorFactory f : v.chain()) {
            OperatorRestoreState s = restore.restoreStateFor(f.uid(), subtask, v.parallelism());
            if (s != null) {
                m.put(f.uid(), s);
            }
        }
        return m;
    }

    private static <T> List<List<T>> perSubtask(int n) {
        List<List<T>> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }

    private void connect(JobEdge e, int capacity, Map<Integer, WakeupSignal[]> wakeups,
                         Map<Integer, List<List<Channel>>> inChannels, Map<Integer, List<List<Integer>>> inInputs,
                         Map<Integer, List<List<StreamTask.OutputSpec>>> outSpecs) {
        JobVertex s = graph.vertex(e.sourceId());
        JobVertex t = graph.vertex(e.targetId());
        PartitionerKind kind = e.partitioner().kind();
        for (int i = 0; i < s.parallelism(); i++) {
            int[] targets = kind == PartitionerKind.FORWARD ? new int[] {i}
                : kind == PartitionerKind.GLOBAL ? new int[] {0} : range(t.parallelism());
            Channel[] chans = new Channel[targets.length];
            for (int k = 0; k < targets.length; k++) {
                int j = targets[k];
                chans[k] = new Channel(s.name() + "#" + i + " -> " + t.name() + "#" + j, capacity, wakeups.get(t.id())[j]);
                inChannels.get(t.id()).get(j).add(chans[k]);
                inInputs.get(t.id()).get(j).add(e.targetInput());
                inPointwise.get(t.id()).get(j).add(!StreamTask.supportsUnaligned(kind));
            }
            outSpecs.get(s.id()).get(i).add(new StreamTask.OutputSpec(chans, e.partitioner(), t.maxParallelism()));
        }
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    // ---------------------------------------------------------------- monitoring

    private final StreamTask.TaskListener listener = new StreamTask.TaskListener() {
        @Override
        public void onFinished(StreamTask task) {
            events.add(() -> {
                runningTasks--;
                if (isSource(task) && --runningSourceTasks == 0 && status == JobStatus.RUNNING) {
                    status = JobStatus.FINISHING;
                }
            });
        }

        @Override
        public void onCanceled(StreamTask task) {
            events.add(() -> runningTasks--);
        }

        @Override
        public void onFailed(StreamTask task, String operatorName, Throwable cause) {
            events.add(() -> {
                runningTasks--;
                if (failure == null && !cancelRequested) {
                    failure = new JobFailure(graph.name(), operatorName, task.subtaskIndex(), task.vertex().parallelism(), cause);
                    status = JobStatus.FAILING;
                    cancelAll();
                }
            });
        }
    };

    private void monitor() {
        try {
            while (runningTasks > 0) {
                events.take().run();
            }
            for (StreamTask t : tasks) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            env.close();
            releaseTasks();
            if (failure != null) {
                status = JobStatus.FAILED;
                termination.completeExceptionally(failure);
            } else if (cancelRequested) {
                status = JobStatus.CANCELED;
                termination.complete(JobStatus.CANCELED);
            } else {
                status = JobStatus.FINISHED;
                termination.complete(JobStatus.FINISHED);
            }
        }
    }

    /**
     * The job ended: keeps its final metrics and task states, and drops the tasks, so that a cluster
     * that keeps ended jobs (for SHOW JOBS) does not keep their operators and heap state alive.
     */
    private void releaseTasks() {
        taskCount = tasks.size();
        finalMetrics = metrics();
        finalTaskStates = taskStates();
        tasks = List.of();
    }

    private void cancelAll() {
        for (StreamTask t : tasks) {
            t.cancel();
        }
    }

    // ---------------------------------------------------------------- JobClient

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public String jobName() {
        return graph.name();
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public CompletableFuture<JobStatus> terminationFuture() {
        return termination;
    }

    @Override
    public JobStatus await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return termination.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (JobFailure) e.getCause();
        }
    }

    @Override
    public void cancel() {
        events.add(() -> {
            if (!status.isTerminal() && failure == null && !cancelRequested) {
                cancelRequested = true;
                status = JobStatus.CANCELLING;
                cancelAll();
            }
        });
    }

    @Override
    public Optional<JobFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public List<OperatorMetricsSnapshot> metrics() {
        List<OperatorMetricsSnapshot> ended = finalMetrics;
        if (ended != null) {
            return ended;
        }
        List<OperatorMetricsSnapshot> out = new ArrayList<>();
        for (StreamTask t : tasks) {
            for (ChainedOperator op : new ArrayList<>(t.chain())) {
                out.add(op.metrics().snapshot());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- CheckpointControl

    @Override
    public void configure(io.weir.checkpoint.state.snapshot.CheckpointStreamFactory streams,
                          TaskEnvironment.CheckpointResponder responder) {
        env.setCheckpointStreams(streams);
        env.setCheckpointResponder(responder);
    }

    @Override
    public void triggerCheckpoint(long id, long timestamp) {
        triggerCheckpoint(id, timestamp, false);
    }

    @Override
    public void triggerCheckpoint(long id, long timestamp, boolean savepoint) {
        for (StreamTask t : tasks) {
            if (isSource(t) && !t.hasEnded()) {
                t.triggerCheckpoint(id, timestamp, savepoint);
            }
        }
    }

    @Override
    public void notifyCheckpointComplete(long id) {
        for (StreamTask t : tasks) {
            t.notifyCheckpointComplete(id);
        }
    }

    @Override
    public void notifyCheckpointAborted(long id) {
        for (StreamTask t : tasks) {
            t.notifyCheckpointAborted(id);
        }
    }

    @Override
    public List<TaskState> taskStates() {
        List<TaskState> ended = finalTaskStates;
        if (ended != null) {
            return ended;
        }
        List<TaskState> states = new ArrayList<>();
        for (StreamTask t : tasks) {
            states.add(new TaskState(t.vertex().uid(), t.subtaskIndex(), isSource(t), t.hasFinishedInput(), t.hasFinished(),
                t.isProcessingBacklog()));
        }
        return states;
    }

    @Override
    public int numberOfTasks() {
        return finalTaskStates != null ? taskCount : tasks.size();
    }
}
