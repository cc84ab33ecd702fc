package io.weir.checkpoint.coordinator;

import java.time.Duration;

/**
 * When the next periodic checkpoint may be triggered: every {@code interval} (or
 * {@code interval-during-backlog} while a source reports backlog, where 0 means none), never
 * sooner than {@code min-pause} after the previous checkpoint ended, and only while fewer than
 * {@code max-concurrent-checkpoints} are in progress. Pure bookkeeping over times the coordinator
 * passes in; coordinator thread only.
 */
public final class CheckpointTriggerPolicy {
    /** No periodic trigger is due. */
    public static final long NEVER = Long.MAX_VALUE;

    private final long intervalMillis;
    private final long backlogIntervalMillis;
    private final long minPauseMillis;
    private final int maxConcurrent;
    private long startTime;
    private long lastTriggerTime = Long.MIN_VALUE;
    private long lastFinishTime = Long.MIN_VALUE;
    private boolean backlog;

    public CheckpointTriggerPolicy(CheckpointConfig config) {
        this.intervalMillis = config.interval().map(Duration::toMillis).orElse(0L);
        this.backlogIntervalMillis = config.intervalDuringBacklog().map(Duration::toMillis).orElse(0L);
        this.minPauseMillis = config.minPause().toMillis();
        this.maxConcurrent = config.maxConcurrentCheckpoints();
    }

    /** Periodic checkpointing starts now: the first one is due one interval later. */
    public void start(long now) {
        startTime = now;
        lastTriggerTime = Long.MIN_VALUE;
    }

    public void setBacklog(boolean backlog) {
        this.backlog = backlog;
    }

    public boolean isBacklog() {
        return backlog;
    }

    /** The interval in force now (0: no periodic checkpoints). */
    public long currentIntervalMillis() {
        return backlog ? backlogIntervalMillis : intervalMillis;
    }

    /** When the next periodic checkpoint is due ({@link #NEVER} when none is). */
    public long nextTriggerTime() {
        long interval = currentIntervalMillis();
        if (interval <= 0) {
            return NEVER;
        }
        long due = (lastTriggerTime == Long.MIN_VALUE ? startTime : lastTriggerTime) + interval;
        return Math.max(due, earliestAfterPause());
    }

    /** The earliest time {@code min-pause} allows any checkpoint (also a manually triggered one). */
    public long earliestAfterPause() {
        return lastFinishTime == Long.MIN_VALUE ? Long.MIN_VALUE : lastFinishTime + minPauseMillis;
    }

    /** Whether a periodic checkpoint may be triggered at {@code now} with {@code pending} in progress. */
    public boolean mayTrigger(long now, int pending) {
        return pending < maxConcurrent && now >= nextTriggerTime();
    }

    public boolean tooManyConcurrent(int pending) {
        return pending >= maxConcurrent;
    }

    public void onTriggered(long now) {
        lastTriggerTime = now;
    }

    /** A checkpoint completed or failed at {@code now}: min-pause counts from here. */
    public void onFinished(long now) {
        lastFinishTime = now;
    }
}
