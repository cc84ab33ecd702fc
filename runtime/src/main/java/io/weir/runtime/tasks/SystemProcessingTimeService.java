package io.weir.runtime.tasks;

import io.weir.runtime.operators.MailboxExecutor;
import io.weir.runtime.operators.ProcessingTimeService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock processing time. A shared scheduler thread waits for the time and then puts the
 * callback into the task's mailbox, so callbacks run on the task thread. {@link #shutdown()} drops
 * everything pending when the task ends.
 */
public final class SystemProcessingTimeService implements ProcessingTimeService {
    private final ScheduledExecutorService scheduler;
    private final MailboxExecutor mailbox;
    private final Set<ScheduledFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    public SystemProcessingTimeService(ScheduledExecutorService scheduler, MailboxExecutor mailbox) {
        this.scheduler = scheduler;
        this.mailbox = mailbox;
    }

    @Override
    public long currentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public Cancellable schedule(long time, Callback callback) {
        if (shutdown) {
            return () -> { };
        }
        long delay = Math.max(0, time - System.currentTimeMillis());
        boolean[] canceled = new boolean[1];
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        Runnable enqueue = () -> {
            pending.remove(self[0]);
            if (!shutdown) {
                mailbox.execute(() -> {
                    if (!canceled[0] && !shutdown) {
                        callback.onProcessingTime(time);
                    }
                }, "processing-time callback @" + time);
            }
        };
        synchronized (self) {
            self[0] = scheduler.schedule(() -> {
                synchronized (self) {
                    enqueue.run();
                }
            }, delay, TimeUnit.MILLISECONDS);
            pending.add(self[0]);
        }
        return () -> {
            canceled[0] = true;
            self[0].cancel(false);
            pending.remove(self[0]);
        };
    }

    /** Drops every pending callback. */
    public void shutdown() {
        shutdown = true;
        for (ScheduledFuture<?> f : pending) {
            f.cancel(false);
        }
        pending.clear();
    }
}
