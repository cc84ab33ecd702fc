package io.weir.checkpoint.coordinator;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator thread of one job: a single daemon thread that runs scheduled coordinator
 * actions ({@link CoordinatorScheduler}) and whatever the runtime posts to it ({@link #execute},
 * e.g. task acknowledgements), so every {@link CheckpointCoordinator} call happens on it.
 * {@link #close()} stops the thread; actions still queued, and actions posted after it (e.g. the
 * acknowledgement of an asynchronous snapshot that completes after its job ended), are dropped.
 */
public final class CoordinatorThread implements CoordinatorScheduler, Executor, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;

    public CoordinatorThread(String jobId) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "checkpoint-coordinator-" + jobId);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Runnable action, long delayMillis) {
        ScheduledFuture<?> f = executor.schedule(action, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void execute(Runnable action) {
        try {
            executor.execute(action);
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                throw e;
            }
        }
    }

    /** The underlying executor (for awaiting termination in tests). */
    ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
