package io.weir.benchmarks.nexmark;

import io.weir.checkpoint.coordinator.CheckpointStatus;
import io.weir.runtime.checkpointing.CheckpointedJobs;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.OperatorMetricsSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Watches one running job from its own thread: the moment the first record shows in the job's
 * metrics (the start of the measured interval), the moment the job ends, and the peak heap use
 * and RSS sampled every {@link #SAMPLE_MILLIS} ms. {@link #await()} is called by the thread that
 * submitted the job and returns once the job has ended.
 */
final class JobMonitor {
    static final int SAMPLE_MILLIS = 5;
    private static final Path STATUS = Path.of("/proc/self/status");

    private final JobClient job;
    private final long timeoutNanos;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long firstRecordNanos = -1;
    /** How long a timed-out job may take to end once cancelled. */
    private static final long CANCEL_WAIT_SECONDS = 60;
    private long peakHeap;
    private long peakRss;

    /** @param timeoutSeconds how long the job may run before it is cancelled and reported as timed out */
    JobMonitor(JobClient job, long timeoutSeconds) {
        this.job = job;
        this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    }

    /** Samples until the job ends; throws the job's failure, or a timeout (after cancelling the job). */
    Measurement await() throws InterruptedException {
        long submitted = System.nanoTime();
        long cpuBefore = os.getProcessCpuTime();
        while (!job.status().isTerminal()) {
            sample();
            if (System.nanoTime() - submitted > timeoutNanos) {
                job.cancel();
                String ended = awaitCancellation();
                throw new BenchmarkException("timed out after " + timeoutNanos / 1_000_000_000L
                    + " s (--timeout); the job was cancelled" + ended);
            }
            try {
                job.terminationFuture().get(SAMPLE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ignored) {
                // keep sampling until terminal; a failure is reported below
            }
        }
        long ended = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpuBefore;
        sample();
        if (job.failure().isPresent()) {
            Throwable f = job.failure().get();
            throw new BenchmarkException("job failed: " + f.getMessage(), f);
        }
        long start = firstRecordNanos < 0 ? submitted : firstRecordNanos;
        List<Long> checkpointMillis = new java.util.ArrayList<>();
        CheckpointedJobs.checkpointStats(job).ifPresent(stats -> stats.history().stream()
            .filter(r -> r.status() == CheckpointStatus.COMPLETED)
            .forEach(r -> checkpointMillis.add(r.endToEndDurationMillis())));
        return new Measurement((ended - start) / 1e9, (ended - submitted) / 1e9, cpu / 1e9, peakHeap, peakRss,
            checkpointMillis);
    }

    private void sample() {
        if (firstRecordNanos < 0 && anyRecord(job.metrics())) {
            firstRecordNanos = System.nanoTime();
        }
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        peakRss = Math.max(peakRss, rssBytes());
    }

    private static boolean anyRecord(List<OperatorMetricsSnapshot> metrics) {
        for (OperatorMetricsSnapshot m : metrics) {
            if (m.recordsOut() > 0 || m.recordsIn() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The process's resident set size from /proc (0 where there is no /proc). */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /**
     * One run: seconds from the first record to the end of the job, seconds from submission, CPU
     * seconds the whole process used meanwhile, peak heap used and peak RSS in bytes, and the
     * end-to-end durations of the completed checkpoints (empty without checkpointing).
     */
    record Measurement(double seconds, double secondsFromSubmit, double cpuSeconds, long peakHeap, long peakRss,
                       List<Long> checkpointMillis) {
    }

    /**
     * Waits for the cancelled job to end, so that the next query does not share the machine (or the
     * heap) with its tasks; returns how that went, for the timeout message.
     */
    private String awaitCancellation() throws InterruptedException {
        long start = System.nanoTime();
        try {
            job.terminationFuture().get(CANCEL_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException ignored) {
            // it failed while cancelling: it ended all the same
        } catch (java.util.concurrent.TimeoutException e) {
            return " but had not ended " + CANCEL_WAIT_SECONDS + " s later (status " + job.status() + ")";
        }
        return " and ended after " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }
}
