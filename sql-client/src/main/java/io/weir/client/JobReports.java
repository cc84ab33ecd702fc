package io.weir.client;

import io.weir.checkpoint.coordinator.CheckpointStatsRecord;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.OperatorAckStats;
import io.weir.planner.catalog.TabularResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a job's checkpoint statistics as the client's tables: {@code SHOW CHECKPOINTS 'id'}
 * (one row per recent checkpoint or savepoint, newest first) and {@code DESCRIBE JOB 'id'} (the
 * job, its checkpoint counts, the latest completed/failed/restored checkpoint, and the
 * per-operator acknowledgements of the latest checkpoint). Sizes are human-readable, durations in
 * milliseconds, times in the session time zone; {@code sys.checkpoints} has the raw values.
 */
final class JobReports {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private final ZoneId zone;

    JobReports(ZoneId zone) {
        this.zone = zone;
    }

    /** SHOW CHECKPOINTS: id, type, status, trigger time, durations, sizes, alignment, acks, path or failure. */
    TabularResult checkpoints(CheckpointStatsSnapshot stats) {
        List<List<String>> rows = new ArrayList<>();
        for (CheckpointStatsRecord r : stats.history()) {
            rows.add(List.of(Long.toString(r.checkpointId()), r.kind().name() + (r.unaligned() ? " (unaligned)" : ""),
                r.status().name(), time(r.triggerTimestamp()), millis(r.endToEndDurationMillis()), bytes(r.checkpointedSize()),
                bytes(r.stateSize()), bytes(r.bytesProcessedDuringAlignment()), bytes(r.bytesPersistedDuringAlignment()),
                millis(r.alignmentDurationMillis()), r.acknowledgedTasks() + "/" + r.totalTasks(), pathOrFailure(r)));
        }
        return new TabularResult(List.of("id", "type", "status", "trigger time", "end to end duration", "checkpointed size",
            "full state size", "processed (alignment)", "persisted (alignment)", "alignment duration", "acknowledged",
            "path / failure"), rows);
    }

    /** DESCRIBE JOB, first table: the job as Flink 1.20 shows it. */
    TabularResult job(String jobId, String jobName, String status, long startTimeMillis) {
        return new TabularResult(List.of("job id", "job name", "status", "start time"),
            List.of(List.of(jobId, jobName, status, time(startTimeMillis))));
    }

    /** DESCRIBE JOB, second table: counts. */
    TabularResult counts(CheckpointStatsSnapshot s) {
        return new TabularResult(List.of("triggered", "in progress", "completed", "failed", "restored"),
            List.of(List.of(Long.toString(s.triggered()), Long.toString(s.inProgress()), Long.toString(s.completed()),
                Long.toString(s.failed()), Long.toString(s.restored()))));
    }

    /** DESCRIBE JOB, third table: the latest completed, failed and restored checkpoint (rows only for those that exist). */
    TabularResult latest(CheckpointStatsSnapshot s) {
        List<List<String>> rows = new ArrayList<>();
        s.latestCompleted().ifPresent(r -> rows.add(latestRow("completed", r)));
        s.latestFailed().ifPresent(r -> rows.add(latestRow("failed", r)));
        s.latestRestored().ifPresent(r -> rows.add(List.of("restored", Long.toString(r.checkpointId()),
            time(r.restoreTimestamp()), "-", "-", "-", r.pointer() == null ? "-" : r.pointer())));
        return new TabularResult(List.of("latest", "id", "time", "end to end duration", "checkpointed size", "full state size",
            "path / failure"), rows);
    }

    /** The checkpoint whose operators DESCRIBE JOB lists: the latest completed one, else the newest (in progress or failed). */
    static Optional<CheckpointStatsRecord> operatorsOf(CheckpointStatsSnapshot s) {
        return s.latestCompleted().or(() -> s.history().stream().findFirst());
    }

    /** DESCRIBE JOB, fourth table: each operator's acknowledgement of one checkpoint. */
    TabularResult operators(CheckpointStatsRecord r) {
        List<List<String>> rows = new ArrayList<>();
        for (OperatorAckStats op : r.operators()) {
            rows.add(List.of(op.uid(), op.acknowledgedSubtasks() + "/" + op.totalSubtasks(), millis(op.latestAckDurationMillis()),
                op.acknowledgedSubtasks() == 0 ? "-" : millis(op.asyncDurationMillis()), bytes(op.checkpointedSize()),
                bytes(op.stateSize())));
        }
        return new TabularResult(List.of("operator", "acknowledged", "ack duration", "async duration", "checkpointed size",
            "full state size"),
            rows);
    }

    private List<String> latestRow(String which, CheckpointStatsRecord r) {
        return List.of(which, Long.toString(r.checkpointId()), time(r.triggerTimestamp()), millis(r.endToEndDurationMillis()),
            bytes(r.checkpointedSize()), bytes(r.stateSize()), pathOrFailure(r));
    }

    private static String pathOrFailure(CheckpointStatsRecord r) {
        if (r.failureMessage() != null) {
            return r.failureMessage();
        }
        return r.externalPointer() == null ? "-" : r.externalPointer();
    }

    private String time(long epochMillis) {
        return time(epochMillis, zone);
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} in {@code zone}; "-" for none. */
    static String time(long epochMillis, ZoneId zone) {
        return epochMillis <= 0 ? "-" : TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    static String millis(long ms) {
        return ms < 0 ? "-" : ms + " ms";
    }

    /** 999 B, 1.5 KB, 12.0 MB, ... (binary units, as Flink's web UI). */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
