package io.weir.checkpoint.state.backend;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The asynchronous part of a snapshot. {@code release} (giving back what the synchronous part
 * pinned: a RocksDB snapshot, copy-on-write versions) runs exactly once: when the work ends, or at
 * cancellation if the work never started. A cancelled task that is already running finishes its
 * work first, so pinned resources are never released under a running reader.
 */
public final class AsyncSnapshotTask<T> extends FutureTask<T> {
    private final AtomicBoolean claimed;
    private final Runnable release;

    public AsyncSnapshotTask(Callable<T> work, Runnable release) {
        this(work, release, new AtomicBoolean());
    }

    private AsyncSnapshotTask(Callable<T> work, Runnable release, AtomicBoolean claimed) {
        super(() -> {
            if (!claimed.compareAndSet(false, true)) {
                throw new CancellationException("snapshot cancelled before it started");
            }
            try {
                return work.call();
            } finally {
                release.run();
            }
        });
        this.claimed = claimed;
        this.release = release;
    }

    @Override
    protected void done() {
        if (isCancelled() && claimed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
