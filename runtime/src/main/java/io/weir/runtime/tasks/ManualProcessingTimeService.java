package io.weir.runtime.tasks;

import io.weir.runtime.operators.ProcessingTimeService;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A processing-time service whose clock only moves when told (test harnesses): callbacks due at or
 * before the new time run, in time order, inside {@link #advanceTo}, on the caller's thread.
 */
public final class ManualProcessingTimeService implements ProcessingTimeService {
    private long now;
    private long sequence;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();

    public ManualProcessingTimeService(long startTime) {
        this.now = startTime;
    }

    private static final class Scheduled implements Comparable<Scheduled> {
        final long time;
        final long seq;
        final Callback callback;
        boolean canceled;

        Scheduled(long time, long seq, Callback callback) {
            this.time = time;
            this.seq = seq;
            this.callback = callback;
        }

        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Override
    public long currentProcessingTime() {
        return now;
    }

    @Override
    public Cancellable schedule(long time, Callback callback) {
        Scheduled s = new Scheduled(time, sequence++, callback);
        queue.add(s);
        return () -> s.canceled = true;
    }

    /** Moves the clock to {@code time} (never backwards) and runs the callbacks that became due. */
    public void advanceTo(long time) throws Exception {
        while (!queue.isEmpty() && queue.peek().time <= time) {
            Scheduled s = queue.poll();
            now = Math.max(now, s.time);
            if (!s.canceled) {
                s.callback.onProcessingTime(s.time);
            }
        }
        now = Math.max(now, time);
    }

    /** Times of pending callbacks (for tests). */
    public List<Long> pendingTimes() {
        List<Long> times = new ArrayList<>();
        for (Scheduled s : queue) {
            if (!s.canceled) {
                times.add(s.time);
            }
        }
        times.sort(null);
        return times;
    }
}
