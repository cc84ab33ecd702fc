package io.weir.runtime.io;

/**
 * The receiving end of a task: all channels into its head operator, each tagged with the operator
 * input it feeds (0, or 1 for the right input of a two-input operator). The task polls it round
 * robin; a channel can be blocked (barrier alignment) and then is skipped until unblocked, except
 * for a priority event (an unaligned barrier) waiting at its head.
 * Task thread only.
 */
public final class InputGate {
    private final Channel[] channels;
    private final int[] inputOf;
    private final boolean[] blocked;
    private final boolean[] unalignedUnsupported;
    private final boolean[] ended;
    private final boolean[] dataEnded;
    private int next;
    private int endedCount;
    private int dataEndedCount;

    public InputGate(Channel[] channels, int[] inputOf) {
        this(channels, inputOf, new boolean[channels.length]);
    }

    /**
     * @param unalignedUnsupported per channel: its edge does not support unaligned checkpoints
     *     (pointwise or broadcast), so the task aligns unless unaligned checkpoints are forced
     */
    public InputGate(Channel[] channels, int[] inputOf, boolean[] unalignedUnsupported) {
        this.unalignedUnsupported = unalignedUnsupported.clone();
        this.channels = channels.clone();
        this.inputOf = inputOf.clone();
        this.blocked = new boolean[channels.length];
        this.ended = new boolean[channels.length];
        this.dataEnded = new boolean[channels.length];
    }

    /** The channel that delivered the last polled item. */
    private int lastChannel = -1;

    /**
     * The next batch or event, or null if none is available now: a priority event (unaligned
     * barrier) first, from any channel, even a blocked one; otherwise round robin over the
     * unblocked channels.
     */
    public Object poll() {
        Object priority = pollPriority();
        if (priority != null) {
            return priority;
        }
        int n = channels.length;
        for (int i = 0; i < n; i++) {
            int c = (next + i) % n;
            if (blocked[c] || ended[c]) {
                continue;
            }
            Object item = take(c);
            if (item != null) {
                next = (c + 1) % n;
                return item;
            }
        }
        return null;
    }

    /** A priority event waiting at the head of some channel, or null. */
    public Object pollPriority() {
        for (int c = 0; c < channels.length; c++) {
            if (!ended[c] && channels[c].hasPriorityEvent()) {
                Object item = take(c);
                if (item != null) {
                    return item;
                }
            }
        }
        return null;
    }

    private Object take(int c) {
        Object item = channels[c].poll();
        if (item == null) {
            return null;
        }
        lastChannel = c;
        if (item instanceof EndOfInput) {
            ended[c] = true;
            endedCount++;
        }
        if ((item instanceof EndOfInput || item instanceof EndOfData) && !dataEnded[c]) {
            dataEnded[c] = true;
            dataEndedCount++;
        }
        return item;
    }

    /** Index of the channel the last {@link #poll()} result came from. */
    public int lastChannel() {
        return lastChannel;
    }

    /** The operator input the channel feeds. */
    public int inputOf(int channel) {
        return inputOf[channel];
    }

    /** True if some channel's edge does not support unaligned checkpoints. */
    public boolean hasUnalignedUnsupportedChannel() {
        for (boolean b : unalignedUnsupported) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    public int numberOfChannels() {
        return channels.length;
    }

    public void block(int channel) {
        blocked[channel] = true;
    }

    public void unblockAll() {
        java.util.Arrays.fill(blocked, false);
    }

    public boolean isBlocked(int channel) {
        return blocked[channel];
    }

    /** True once {@code channel} delivered {@link EndOfData} or {@link EndOfInput}: no rows follow on it. */
    public boolean isDataEnded(int channel) {
        return dataEnded[channel];
    }

    public boolean isEnded(int channel) {
        return ended[channel];
    }

    /** True when every channel delivered {@link EndOfData} or {@link EndOfInput}: no rows will come any more. */
    public boolean allDataEnded() {
        return dataEndedCount == channels.length;
    }

    /** True when every channel delivered {@link EndOfInput}. */
    public boolean allEnded() {
        return endedCount == channels.length;
    }
}
