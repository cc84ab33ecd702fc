package io.weir.runtime.io;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A bounded queue of {@link Batch}es and {@link StreamEvent}s from one producer subtask to one
 * consumer subtask, in the same JVM. A full channel blocks its producer (backpressure), which
 * keeps memory bounded by {@code capacity * batch size} rows per channel. Thread-safe: one producer
 * thread and one consumer thread.
 */
public final class Channel {
    private static final long BLOCK_SLICE_MS = 10;

    private final String name;
    private final ArrayBlockingQueue<Object> queue;
    private final WakeupSignal consumer;

    public Channel(String name, int capacity, WakeupSignal consumer) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
    }

    /**
     * Appends a batch or an event, waiting while the channel is full.
     *
     * @param canceled polled while waiting; when it turns true the wait ends with a
     *     {@link TaskCanceledException}, so a cancelled producer never hangs on a full channel
     * @return nanoseconds spent blocked (backpressure)
     */
    public long put(Object item, BooleanSupplier canceled) throws InterruptedException {
        if (queue.offer(item)) {
            consumer.signal();
            return 0;
        }
        long start = System.nanoTime();
        consumer.signal();
        while (!queue.offer(item, BLOCK_SLICE_MS, TimeUnit.MILLISECONDS)) {
            if (canceled.getAsBoolean()) {
                throw new TaskCanceledException("canceled while blocked on full channel " + name);
            }
            consumer.signal();
        }
        consumer.signal();
        return System.nanoTime() - start;
    }

    /** The next batch or event, or null if the channel is empty now. Consumer thread only. */
    public Object poll() {
        return queue.poll();
    }

    public int queued() {
        return queue.size();
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
