package io.weir.runtime.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A bounded queue of {@link Batch}es and {@link StreamEvent}s from one producer subtask to one
 * consumer subtask, in the same JVM. A full channel blocks its producer (backpressure), which
 * keeps memory bounded by {@code capacity * batch size} rows per channel. Thread-safe: one producer
 * thread and one consumer thread.
 *
 * <p>A <em>priority event</em> (an unaligned checkpoint barrier) goes to the head of the queue, in
 * front of everything queued, and never waits for space: {@link #putPriority} returns, atomically
 * with the insertion, the items it overtook, so that the producer can persist them as its output
 * channel state. The overtaken items stay queued and are delivered after the event.
 */
public final class Channel {
    private static final long BLOCK_SLICE_MS = 10;

    private final String name;
    private final int capacity;
    private final ArrayDeque<Object> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final WakeupSignal consumer;
    /** Priority events still queued (identity); they do not count against the capacity. */
    private final List<Object> priorityEvents = new ArrayList<>(2);
    private volatile boolean priorityAtHead;
    /** An in-band event whose consumption the producer waits for (an aligned barrier that may time out). */
    private Object watched;
    private Runnable watchedConsumed;

    public Channel(String name, int capacity, WakeupSignal consumer) {
        this.name = name;
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(capacity + 1);
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
        long start = 0;
        lock.lockInterruptibly();
        try {
            while (queue.size() - priorityEvents.size() >= capacity) {
                if (start == 0) {
                    start = System.nanoTime();
                }
                consumer.signal();
                notFull.await(BLOCK_SLICE_MS, TimeUnit.MILLISECONDS);
                if (canceled.getAsBoolean()) {
                    throw new TaskCanceledException("canceled while blocked on full channel " + name);
                }
            }
            queue.addLast(item);
        } finally {
            lock.unlock();
        }
        consumer.signal();
        return start == 0 ? 0 : System.nanoTime() - start;
    }

    /**
     * Puts {@code event} at the head of the queue, ahead of everything queued (never blocks).
     *
     * @return the items it overtook, in queue order, batches as copies (the originals stay queued,
     *     behind the event, and the consumer may take them while the caller reads the copies)
     */
    public List<Object> putPriority(StreamEvent event) {
        List<Object> overtaken;
        lock.lock();
        try {
            overtaken = new ArrayList<>(queue.size());
            for (Object item : queue) {
                overtaken.add(item instanceof Batch b ? b.copyRows() : item); // the consumer may reuse its rows
            }
            queue.addFirst(event);
            priorityEvents.add(event);
            priorityAtHead = true;
        } finally {
            lock.unlock();
        }
        consumer.signal();
        return overtaken;
    }

    /**
     * Appends {@code event} in band without waiting for space (like a priority event it does not
     * count against the capacity) and watches it: when the consumer takes it, {@code onConsumed}
     * runs on the consumer's thread, unless {@link #promote} moved it first.
     */
    public void putWatched(StreamEvent event, Runnable onConsumed) {
        lock.lock();
        try {
            watched = event;
            watchedConsumed = onConsumed;
            queue.addLast(event);
            priorityEvents.add(event);
            Object head = queue.peekFirst();
            priorityAtHead = head == event;
        } finally {
            lock.unlock();
        }
        consumer.signal();
    }

    /**
     * Moves the watched {@code event} from its place in the queue to the head, as a priority event
     * (an aligned barrier that timed out), and stops watching it.
     *
     * @return the items it overtook (batches as copies), or null if the consumer already took it
     */
    public List<Object> promote(StreamEvent event) {
        List<Object> overtaken = new ArrayList<>();
        lock.lock();
        try {
            if (watched != event) {
                return null;
            }
            watched = null;
            watchedConsumed = null;
            java.util.Iterator<Object> it = queue.iterator();
            while (it.hasNext()) {
                Object item = it.next();
                if (item == event) {
                    it.remove();
                    break;
                }
                overtaken.add(item instanceof Batch b ? b.copyRows() : item);
            }
            queue.addFirst(event);
            priorityAtHead = true; // still in priorityEvents since putWatched
        } finally {
            lock.unlock();
        }
        consumer.signal();
        return overtaken;
    }

    /** True when a priority event waits at the head (the consumer should take it before other channels' input). */
    public boolean hasPriorityEvent() {
        return priorityAtHead;
    }

    /** The next batch or event, or null if the channel is empty now. Consumer thread only. */
    public Object poll() {
        Runnable consumed = null;
        lock.lock();
        try {
            Object item = queue.pollFirst();
            if (item == null) {
                return null;
            }
            if (item == watched) {
                consumed = watchedConsumed;
                watched = null;
                watchedConsumed = null;
            }
            if (!priorityEvents.isEmpty()) {
                priorityEvents.removeIf(e -> e == item);
                Object head = queue.peekFirst();
                priorityAtHead = head != null && priorityEvents.stream().anyMatch(e -> e == head);
            }
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
            if (consumed != null) {
                consumed.run();
            }
        }
    }

    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
