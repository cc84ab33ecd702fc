package io.weir.runtime.cluster;

import java.util.Map;

/**
 * Metrics of one operator subtask at one moment, as the job API reports them (SHOW JOBS, web UI).
 * Watermarks are {@code Long.MIN_VALUE} until the first one; times are milliseconds.
 */
public final class OperatorMetricsSnapshot {
    private final String operatorName;
    private final int subtaskIndex;
    private final long recordsIn;
    private final long recordsOut;
    private final long lateRecordsDropped;
    private final long inputWatermark;
    private final long outputWatermark;
    private final long busyTimeMs;
    private final long backPressuredTimeMs;
    private final Map<String, Long> custom;

    public OperatorMetricsSnapshot(String operatorName, int subtaskIndex, long recordsIn, long recordsOut,
                                   long lateRecordsDropped, long inputWatermark, long outputWatermark,
                                   long busyTimeMs, long backPressuredTimeMs, Map<String, Long> custom) {
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
        this.recordsIn = recordsIn;
        this.recordsOut = recordsOut;
        this.lateRecordsDropped = lateRecordsDropped;
        this.inputWatermark = inputWatermark;
        this.outputWatermark = outputWatermark;
        this.busyTimeMs = busyTimeMs;
        this.backPressuredTimeMs = backPressuredTimeMs;
        this.custom = Map.copyOf(custom);
    }

    public String operatorName() { return operatorName; }
    public int subtaskIndex() { return subtaskIndex; }
    public long recordsIn() { return recordsIn; }
    public long recordsOut() { return recordsOut; }
    public long lateRecordsDropped() { return lateRecordsDropped; }
    public long inputWatermark() { return inputWatermark; }
    public long outputWatermark() { return outputWatermark; }

    /** Time the task thread spent processing (of the task that runs this operator). */
    public long busyTimeMs() { return busyTimeMs; }

    /** Time the task thread spent blocked on a full output channel. */
    public long backPressuredTimeMs() { return backPressuredTimeMs; }

    /** The operator's own counters and gauges. */
    public Map<String, Long> custom() { return custom; }

    @Override
    public String toString() {
        return operatorName + "#" + subtaskIndex + "{in=" + recordsIn + ", out=" + recordsOut + ", late=" + lateRecordsDropped
            + ", wmIn=" + inputWatermark + ", wmOut=" + outputWatermark + ", busyMs=" + busyTimeMs
            + ", backPressuredMs=" + backPressuredTimeMs + (custom.isEmpty() ? "" : ", " + custom) + "}";
    }
}
