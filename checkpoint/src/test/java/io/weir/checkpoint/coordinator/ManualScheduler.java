package io.weir.checkpoint.coordinator;

import java.util.ArrayList;
import java.util.List;

/**
 * A manual clock and scheduler for coordinator tests: nothing happens until {@link #advance}
 * moves time on, which runs the due actions in time order (actions may schedule further ones).
 */
public final class ManualScheduler implements CoordinatorScheduler, Clock {
    private long now;
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    private final class Task implements Cancellable {
        final long due;
        final long seq;
        final Runnable action;
        boolean cancelled;

        Task(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
            tasks.remove(this);
        }
    }

    public ManualScheduler(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable action, long delayMillis) {
        Task t = new Task(now + Math.max(0, delayMillis), sequence++, action);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code millis}, running every action that falls due on the way. */
    public void advance(long millis) {
        long end = now + millis;
        for (int steps = 0; ; steps++) {
            if (steps > 100_000) {
                throw new IllegalStateException("more than 100000 actions without time passing: a scheduling loop?");
            }
            Task next = null;
            for (Task t : tasks) {
                if (t.due <= end && (next == null || t.due < next.due || (t.due == next.due && t.seq < next.seq))) {
                    next = t;
                }
            }
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due);
            next.action.run();
        }
        now = end;
    }

    /** Moves time to {@code millis}. */
    public void advanceTo(long millis) {
        advance(millis - now);
    }

    public int scheduledCount() {
        return tasks.size();
    }
}
