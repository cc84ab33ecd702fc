package io.weir.runtime.cluster;

import io.weir.runtime.graph.JobGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded cluster in the current JVM: deploys each submitted {@link JobGraph} as one task
 * thread per vertex and subtask. Several jobs may run at once. Thread-safe.
 * {@link #close()} cancels every running job and waits for its threads.
 */
public final class LocalCluster implements AutoCloseable {
    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    private final ScheduledExecutorService scheduler;
    private final Map<String, LocalJob> jobs = new ConcurrentHashMap<>();

    public LocalCluster() {
        int n = CLUSTERS.incrementAndGet();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-processing-time-" + n);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a job from scratch with a new id. */
    public JobClient submit(JobGraph graph) {
        return submit(graph, UUID.randomUUID().toString().replace("-", "").substring(0, 16), RestoreProvider.NONE);
    }

    /**
     * Starts a job with the given id (a restarted job keeps its id), its operators restored from
     * {@code restore}.
     */
    public JobClient submit(JobGraph graph, String jobId, RestoreProvider restore) {
        return submit(graph, jobId, restore, null);
    }

    /**
     * Starts a job wired for checkpointing by {@code setup} (null: none) before any task runs; drive
     * its checkpoints through {@link #checkpointControl(JobClient)}.
     */
    public JobClient submit(JobGraph graph, String jobId, RestoreProvider restore, CheckpointSetup setup) {
        if (jobs.containsKey(jobId) && !jobs.get(jobId).status().isTerminal()) {
            throw new IllegalStateException("job " + jobId + " is already running");
        }
        LocalJob job = new LocalJob(jobId, graph, scheduler, restore);
        if (setup != null) {
            job.configure(setup.streams(), setup.responder());
            job.environment().setAwaitFinalCheckpoint(setup.awaitFinalCheckpoint());
            job.environment().setCheckpointStreamsPerCheckpoint(setup.streamsPerCheckpoint());
        }
        jobs.put(jobId, job);
        job.start();
        return job;
    }

    /** The checkpoint hooks of a job submitted to this cluster. */
    public CheckpointControl checkpointControl(JobClient job) {
        if (!(job instanceof LocalJob) || jobs.get(job.jobId()) != job) {
            throw new IllegalArgumentException("job " + job.jobId() + " was not submitted to this cluster");
        }
        return (LocalJob) job;
    }

    /** Every job submitted to this cluster (running or ended), in no particular order. */
    public List<JobClient> jobs() {
        return new ArrayList<>(jobs.values());
    }

    /** Cancels all running jobs, waits for their threads (up to 10 s) and stops the cluster's threads. */
    @Override
    public void close() {
        for (LocalJob j : jobs.values()) {
            j.cancel();
        }
        for (LocalJob j : jobs.values()) {
            try {
                j.terminationFuture().exceptionally(t -> JobStatus.FAILED).get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
