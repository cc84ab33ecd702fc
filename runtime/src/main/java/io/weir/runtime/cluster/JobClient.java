package io.weir.runtime.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A handle to a submitted job. Thread-safe. */
public interface JobClient {

    String jobId();

    String jobName();

    JobStatus status();

    /** Completes with the terminal status (FINISHED, CANCELED) or exceptionally with a {@link JobFailure}. */
    CompletableFuture<JobStatus> terminationFuture();

    /** Waits for the job to end; returns FINISHED or CANCELED, throws the {@link JobFailure} if it failed. */
    JobStatus await(Duration timeout) throws java.util.concurrent.TimeoutException, InterruptedException;

    /** Cancels the job: all its tasks stop promptly (also when blocked by backpressure). Idempotent. */
    void cancel();

    /** The failure, once the job failed. */
    Optional<JobFailure> failure();

    /** Current metrics of every operator subtask. */
    List<OperatorMetricsSnapshot> metrics();
}
