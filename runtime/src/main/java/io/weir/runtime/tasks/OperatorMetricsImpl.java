package io.weir.runtime.tasks;

import io.weir.runtime.cluster.OperatorMetricsSnapshot;
import io.weir.runtime.operators.OperatorMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Metrics of one operator subtask. Written only by the task thread; read by the job API. Counters
 * are plain fields written by one thread: a reader may see a slightly stale value, never a torn one
 * (64-bit JVMs), which is all metrics need, and the hot path pays no fence per row.
 */
public final class OperatorMetricsImpl implements OperatorMetrics {
    private final String operatorName;
    private final int subtaskIndex;
    private final TaskTimes taskTimes;
    long recordsIn;
    long recordsOut;
    long lateRecordsDropped;
    volatile long inputWatermark = Long.MIN_VALUE;
    volatile long outputWatermark = Long.MIN_VALUE;
    private final Map<String, CounterImpl> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    OperatorMetricsImpl(String operatorName, int subtaskIndex, TaskTimes taskTimes) {
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
        this.taskTimes = taskTimes;
    }

    /** Busy and backpressured time of the task running the operator. */
    public interface TaskTimes {
        long busyMillis();

        long backPressuredMillis();
    }

    @Override
    public void incrementLateRecordsDropped() {
        lateRecordsDropped++;
    }

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new CounterImpl());
    }

    @Override
    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    public long recordsIn() { return recordsIn; }

    public long recordsOut() { return recordsOut; }

    public long lateRecordsDropped() { return lateRecordsDropped; }

    public OperatorMetricsSnapshot snapshot() {
        Map<String, Long> custom = new TreeMap<>();
        counters.forEach((k, c) -> custom.put(k, c.getCount()));
        gauges.forEach((k, g) -> custom.put(k, g.getAsLong()));
        return new OperatorMetricsSnapshot(operatorName, subtaskIndex, recordsIn, recordsOut, lateRecordsDropped,
            inputWatermark, outputWatermark, taskTimes.busyMillis(), taskTimes.backPressuredMillis(), custom);
    }

    private static final class CounterImpl implements Counter {
        private volatile long count;

        @Override
        public void inc() {
            count++;
        }

        @Override
        public void inc(long n) {
            count += n;
        }

        @Override
        public long getCount() {
            return count;
        }
    }
}
