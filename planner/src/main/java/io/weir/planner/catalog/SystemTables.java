package io.weir.planner.catalog;

import io.weir.checkpoint.coordinator.CheckpointStatsRecord;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.OperatorAckStats;
import io.weir.planner.schema.ViewDescriptor;
import io.weir.planner.types.TypeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-only database {@code sys} of {@code default_catalog}: the session's jobs and their
 * checkpoint history as tables that ordinary SQL can query ({@code SELECT * FROM sys.checkpoints
 * WHERE job_id = '...'}).
 * <ul>
 *   <li>{@code sys.jobs}: one row per job with its checkpoint counts and latest checkpoints;</li>
 *   <li>{@code sys.checkpoints}: one row per checkpoint or savepoint in each job's recent history;</li>
 *   <li>{@code sys.checkpoint_operators}: one row per checkpoint and operator (acknowledgements).</li>
 * </ul>
 * Each table is a bounded snapshot taken when a query referring to it is planned: it is expanded
 * as a view over {@code VALUES}, so filters, aggregates and ORDER BY work as on any bounded input.
 * Thread-safe if the supplier is.
 */
public final class SystemTables {
    /** The database name ({@code system} is a reserved word in SQL). */
    public static final String DATABASE = "sys";

    /**
     * One job as the system tables show it.
     *
     * @param checkpoints its checkpoint statistics, empty for a job without a checkpoint coordinator
     */
    public record JobEntry(String jobId, String jobName, String status, long startTimeMillis,
                           Optional<CheckpointStatsSnapshot> checkpoints) {
    }

    private record ColumnDef(String name, String type) {
    }

    private static final String TS = "TIMESTAMP_LTZ(3)";

    private static final List<ColumnDef> JOBS = List.of(col("job_id", "STRING"), col("job_name", "STRING"),
        col("status", "STRING"), col("start_time", TS), col("checkpoints_triggered", "BIGINT"),
        col("checkpoints_in_progress", "BIGINT"), col("checkpoints_completed", "BIGINT"), col("checkpoints_failed", "BIGINT"),
        col("checkpoints_restored", "BIGINT"), col("latest_completed_id", "BIGINT"), col("latest_completed_path", "STRING"),
        col("latest_failed_id", "BIGINT"), col("latest_failure_message", "STRING"), col("latest_restored_id", "BIGINT"),
        col("latest_restored_path", "STRING"));

    private static final List<ColumnDef> CHECKPOINTS = List.of(col("job_id", "STRING"), col("checkpoint_id", "BIGINT"),
        col("checkpoint_type", "STRING"), col("status", "STRING"), col("is_unaligned", "BOOLEAN"), col("trigger_time", TS),
        col("end_to_end_duration_ms", "BIGINT"), col("checkpointed_size", "BIGINT"), col("state_size", "BIGINT"),
        col("processed_during_alignment", "BIGINT"), col("persisted_during_alignment", "BIGINT"),
        col("alignment_duration_ms", "BIGINT"), col("acknowledged_tasks", "INT"), col("total_tasks", "INT"),
        col("external_path", "STRING"), col("failure_message", "STRING"));

    private static final List<ColumnDef> OPERATORS = List.of(col("job_id", "STRING"), col("checkpoint_id", "BIGINT"),
        col("checkpoint_status", "STRING"), col("operator_uid", "STRING"), col("acknowledged_subtasks", "INT"), col("total_subtasks", "INT"),
        col("ack_duration_ms", "BIGINT"), col("async_duration_ms", "BIGINT"), col("state_size", "BIGINT"), col("checkpointed_size", "BIGINT"));

    private final Supplier<List<JobEntry>> jobs;

    /** @param jobs the session's jobs, asked for each query that reads a system table */
    public SystemTables(Supplier<List<JobEntry>> jobs) {
        this.jobs = jobs;
    }

    /** The table names, sorted. */
    public static List<String> names() {
        return List.of("checkpoint_operators", "checkpoints", "jobs");
    }

    /** DESCRIBE of a system table: its columns (all nullable, no key, no watermark), or empty for an unknown name. */
    static Optional<TabularResult> describe(String name) {
        List<ColumnDef> columns = switch (name) {
            case "jobs" -> JOBS;
            case "checkpoints" -> CHECKPOINTS;
            case "checkpoint_operators" -> OPERATORS;
            default -> null;
        };
        if (columns == null) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        for (ColumnDef c : columns) {
            rows.add(List.of(c.name(), c.type(), "TRUE", "", "", ""));
        }
        return Optional.of(new TabularResult(TableDescriber.HEADER, rows));
    }

    /** The table as a view over a snapshot taken now, or empty for an unknown name. */
    Optional<ViewDescriptor> view(ObjectIdentifier id) {
        List<ColumnDef> columns;
        List<List<Object>> rows = new ArrayList<>();
        switch (id.name()) {
            case "jobs" -> {
                columns = JOBS;
                jobs.get().forEach(j -> rows.add(jobRow(j)));
            }
            case "checkpoints" -> {
                columns = CHECKPOINTS;
                for (JobEntry j : jobs.get()) {
                    j.checkpoints().ifPresent(s -> s.history().forEach(r -> rows.add(checkpointRow(j.jobId(), r))));
                }
            }
            case "checkpoint_operators" -> {
                columns = OPERATORS;
                for (JobEntry j : jobs.get()) {
                    j.checkpoints().ifPresent(s -> s.history().forEach(r -> r.operators().forEach(
                        op -> rows.add(operatorRow(j.jobId(), r, op)))));
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new ViewDescriptor(id.path(), sql(columns, rows)));
    }

    private static List<Object> jobRow(JobEntry j) {
        Optional<CheckpointStatsSnapshot> s = j.checkpoints();
        Optional<CheckpointStatsRecord> completed = s.flatMap(CheckpointStatsSnapshot::latestCompleted);
        Optional<CheckpointStatsRecord> failed = s.flatMap(CheckpointStatsSnapshot::latestFailed);
        Optional<CheckpointStatsSnapshot.RestoredCheckpointStats> restored = s.flatMap(CheckpointStatsSnapshot::latestRestored);
        return Arrays.asList(j.jobId(), j.jobName(), j.status(), j.startTimeMillis(),
            s.map(CheckpointStatsSnapshot::triggered).orElse(0L), s.map(CheckpointStatsSnapshot::inProgress).orElse(0L),
            s.map(CheckpointStatsSnapshot::completed).orElse(0L), s.map(CheckpointStatsSnapshot::failed).orElse(0L),
            s.map(CheckpointStatsSnapshot::restored).orElse(0L),
            completed.map(CheckpointStatsRecord::checkpointId).orElse(null),
            completed.map(CheckpointStatsRecord::externalPointer).orElse(null),
            failed.map(CheckpointStatsRecord::checkpointId).orElse(null),
            failed.map(CheckpointStatsRecord::failureMessage).orElse(null),
            restored.map(CheckpointStatsSnapshot.RestoredCheckpointStats::checkpointId).orElse(null),
            restored.map(CheckpointStatsSnapshot.RestoredCheckpointStats::pointer).orElse(null));
    }

    private static List<Object> checkpointRow(String jobId, CheckpointStatsRecord r) {
        return Arrays.asList(jobId, r.checkpointId(), r.kind().name(), r.status().name(), r.unaligned(), r.triggerTimestamp(),
            r.endToEndDurationMillis() < 0 ? null : r.endToEndDurationMillis(), r.checkpointedSize(), r.stateSize(),
            r.bytesProcessedDuringAlignment(), r.bytesPersistedDuringAlignment(), r.alignmentDurationMillis(),
            r.acknowledgedTasks(), r.totalTasks(), r.externalPointer(), r.failureMessage());
    }

    private static List<Object> operatorRow(String jobId, CheckpointStatsRecord r, OperatorAckStats op) {
        return Arrays.asList(jobId, r.checkpointId(), r.status().name(), op.uid(), op.acknowledgedSubtasks(), op.totalSubtasks(),
            op.latestAckDurationMillis() < 0 ? null : op.latestAckDurationMillis(),
            op.acknowledgedSubtasks() == 0 ? null : op.asyncDurationMillis(), op.stateSize(), op.checkpointedSize());
    }

    /**
     * {@code SELECT <columns> FROM (VALUES ...) AS t(<columns>)}; every value is cast to its
     * column's type (so that string literals do not become padded CHARs), timestamps travel as
     * epoch millis and are converted in the projection. No rows: one row of NULLs, filtered out.
     */
    private static String sql(List<ColumnDef> columns, List<List<Object>> rows) {
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder alias = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            String name = TypeFormatter.quoteIdentifier(c.name());
            select.append(i > 0 ? ", " : "").append(c.type().equals(TS) ? "TO_TIMESTAMP_LTZ(" + name + ", 3) AS " + name : name);
            alias.append(i > 0 ? ", " : "").append(name);
        }
        StringBuilder values = new StringBuilder();
        List<List<Object>> tuples = rows.isEmpty() ? List.of(Arrays.asList(new Object[columns.size()])) : rows;
        for (int r = 0; r < tuples.size(); r++) {
            values.append(r > 0 ? ",\n  (" : "\n  (");
            for (int i = 0; i < columns.size(); i++) {
                values.append(i > 0 ? ", " : "").append(literal(tuples.get(r).get(i), columns.get(i).type()));
            }
            values.append(')');
        }
        select.append(" FROM (VALUES").append(values).append(") AS t (").append(alias).append(')');
        if (rows.isEmpty()) {
            select.append(" WHERE ").append(TypeFormatter.quoteIdentifier(columns.get(0).name())).append(" IS NOT NULL");
        }
        return select.toString();
    }

    private static String literal(Object value, String type) {
        String sqlType = type.equals(TS) ? "BIGINT" : type;
        if (value == null) {
            return "CAST(NULL AS " + sqlType + ")";
        }
        if (value instanceof String s) {
            return "CAST('" + s.replace("'", "''") + "' AS STRING)";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return "CAST(" + value + " AS " + sqlType + ")";
    }

    private static ColumnDef col(String name, String type) {
        return new ColumnDef(name, type);
    }
}
