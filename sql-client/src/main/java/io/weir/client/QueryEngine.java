package io.weir.client;

import io.weir.client.print.TableauPrinter;
import io.weir.parser.ddl.SqlStopJob;
import io.weir.planner.catalog.InMemoryCatalog;
import io.weir.planner.catalog.TabularResult;
import io.weir.client.config.ClientOptions;
import io.weir.client.print.ValueFormatter;
import io.weir.parser.dml.SqlStatementSet;
import io.weir.planner.PlannedQuery;
import io.weir.planner.PlannerOptions;
import io.weir.planner.QueryPlanner;
import io.weir.planner.ValidationException;
import io.weir.planner.functions.PlannerOperatorTable;
import io.weir.runtime.cluster.JobFailure;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.planner.catalog.SystemTables;
import io.weir.runtime.checkpointing.CheckpointedJobs;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.LocalCluster;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * The session's link to the planner and the embedded local cluster: plans queries and INSERTs,
 * runs them, prints or collects their results, and tracks the jobs it submitted.
 */
final class QueryEngine implements AutoCloseable {
    private final InMemoryCatalog catalog;
    private final SessionConfig config;
    private final PrintStream out;
    private final TableauPrinter printer;
    private final Supplier<ZoneId> timeZone;
    private static final int RESULT_QUEUE_CAPACITY = 10_000;
    private static final java.time.Duration COLLECT_TIMEOUT = java.time.Duration.ofSeconds(120);

    private final QueryPlanner planner = new QueryPlanner();
    private LocalCluster cluster;
    private volatile JobClient running;
    /** The jobs this session submitted (each one logical job across its restarts), in submission order. */
    private final List<JobClient> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Map<String, Long> startTimes = new java.util.concurrent.ConcurrentHashMap<>();
    /** How long STOP JOB ... WITH SAVEPOINT waits for the savepoint and the job's end. */
    private static final java.time.Duration SAVEPOINT_TIMEOUT = java.time.Duration.ofMinutes(10);

    QueryEngine(InMemoryCatalog catalog, SessionConfig config, PrintStream out, TableauPrinter printer, Supplier<ZoneId> timeZone) {
        this.catalog = catalog;
        this.config = config;
        this.out = out;
        this.printer = printer;
        this.timeZone = timeZone;
    }

    /** The functions SQL may call: Calcite's standard library, Flink's built-ins and the window TVFs. */
    static SqlOperatorTable operatorTable() {
        return PlannerOperatorTable.create();
    }

    /** Names of the callable functions, sorted, for SHOW FUNCTIONS. */
    static List<String> functionNames() {
        TreeSet<String> names = new TreeSet<>();
        for (SqlOperator op : operatorTable().getOperatorList()) {
            String n = op.getName();
            if (!n.isEmpty() && Character.isLetter(n.charAt(0)) && op.getKind() != org.apache.calcite.sql.SqlKind.OTHER_DDL) {
                names.add(n.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return new ArrayList<>(names);
    }

    private synchronized LocalCluster cluster() {
        if (cluster == null) {
            cluster = new LocalCluster();
        }
        return cluster;
    }

    /** SHOW JOBS, as Flink prints it: job id, job name, status, start time (session time zone). */
    TabularResult jobs() {
        List<List<String>> rows = new ArrayList<>();
        for (JobClient j : submitted) {
            rows.add(List.of(j.jobId(), j.jobName(), j.status().name(), JobReports.time(startTime(j), timeZone.get())));
        }
        return new TabularResult(List.of("job id", "job name", "status", "start time"), rows);
    }

    /**
     * STOP JOB: cancels the job, or with SAVEPOINT takes a final savepoint into
     * {@code execution.checkpointing.savepoint-dir}, then stops it; returns the savepoint's path.
     */
    Optional<String> stopJob(SqlStopJob stop) {
        if (stop.isWithDrain()) {
            throw new StatementException("not supported yet: STOP JOB ... WITH DRAIN");
        }
        JobClient job = job(stop.getJobId());
        if (!stop.isWithSavepoint()) {
            job.cancel();
            return Optional.empty();
        }
        try {
            return Optional.of(CheckpointedJobs.stopWithSavepoint(job, null).get(SAVEPOINT_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw new StatementException("Could not stop job " + job.jobId() + " with a savepoint: " + e.getCause().getMessage(),
                e.getCause());
        } catch (TimeoutException e) {
            throw new StatementException("Could not stop job " + job.jobId() + " with a savepoint within "
                + SAVEPOINT_TIMEOUT.toSeconds() + " s; the job keeps running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatementException("interrupted while stopping job " + job.jobId() + " with a savepoint", e);
        }
    }

    /** The job with this id that this session submitted; errors naming SHOW JOBS otherwise. */
    JobClient job(String jobId) {
        for (JobClient j : submitted) {
            if (j.jobId().equals(jobId)) {
                return j;
            }
        }
        throw new StatementException("No job with id '" + jobId + "' in this session; SHOW JOBS lists them");
    }

    /** When a job of this session was submitted (epoch millis). */
    long startTime(JobClient job) {
        return startTimes.getOrDefault(job.jobId(), 0L);
    }

    /** The checkpoint statistics of a job; errors saying how to get them when the job has no coordinator. */
    CheckpointStatsSnapshot checkpointStats(JobClient job) {
        return CheckpointedJobs.checkpointStats(job).orElseThrow(() -> new StatementException("Job " + job.jobId()
            + " takes no checkpoints: set 'execution.checkpointing.interval' before submitting it to have checkpoint statistics"));
    }

    /** The session's jobs for the system tables ({@code sys.jobs}, {@code sys.checkpoints}, ...). */
    List<SystemTables.JobEntry> jobEntries() {
        List<SystemTables.JobEntry> entries = new ArrayList<>();
        for (JobClient j : submitted) {
            entries.add(new SystemTables.JobEntry(j.jobId(), j.jobName(), j.status().name(), startTime(j),
                CheckpointedJobs.checkpointStats(j)));
        }
        return entries;
    }

    void submitInserts(List<SqlInsert> inserts, String sql) {
        SqlNode statement = inserts.size() == 1 ? inserts.get(0)
            : new SqlStatementSet(SqlParserPos.ZERO, new SqlNodeList(inserts, SqlParserPos.ZERO));
        PlannedQuery planned = plan(statement);
        JobClient job = submit(planned, sql, null);
        out.println("[INFO] Submitting SQL update statement to the cluster...");
        out.println("[INFO] SQL update statement has been successfully submitted to the cluster:");
        out.println("Job ID: " + job.jobId());
        if (config.get(PlannerOptions.DML_SYNC)) {
            running = job;
            try {
                JobStatus status = await(job);
                out.println("[INFO] Job " + job.jobId() + " " + status.name().toLowerCase(Locale.ROOT) + ".");
            } finally {
                running = null;
            }
        }
    }

    String explain(SqlNode statement, String sql) {
        return plan(statement).explain();
    }

    void printQuery(SqlNode query, String sql) {
        Optional<BoundedOrderBy> order = BoundedOrderBy.of(query);
        if (order.isPresent() && !streamingTopN(order.get())) {
            QueryResult sorted = collectOrdered(order.get(), sql);
            ResultView view = resultView(RowType.of(sorted.columnNames().toArray(String[]::new), sorted.types().toArray(DataType[]::new)));
            sorted.changelog().forEach(view::accept);
            view.finish(false);
            return;
        }
        PlannedQuery planned = plan(query);
        CollectSink sink = new CollectSink(RESULT_QUEUE_CAPACITY);
        JobClient job = submit(planned, sql, sink);
        RowType type = planned.resultType();
        ResultView view = resultView(type);
        running = job;
        try {
            drain(job, sink, view::accept, Long.MAX_VALUE);
        } finally {
            running = null;
            view.finish(job.status() == JobStatus.CANCELED);
        }
        rethrowFailure(job);
    }

    QueryResult collect(SqlNode query, String sql) {
        Optional<BoundedOrderBy> order = BoundedOrderBy.of(query);
        if (order.isPresent()) {
            return collectOrdered(order.get(), sql);
        }
        PlannedQuery planned = plan(query);
        return run(planned, sql);
    }

    /**
     * {@code ORDER BY ... LIMIT n} over an unbounded input: planned as a whole (a Top-N, as Flink),
     * its changelog printed as it comes.
     */
    private boolean streamingTopN(BoundedOrderBy order) {
        return order.hasFetch() && !BoundedOrderBy.isBounded(plan(order.query()));
    }

    /** A bounded query with a top-level ORDER BY: run without it, apply the changelog, sort (see {@link BoundedOrderBy}). */
    private QueryResult collectOrdered(BoundedOrderBy order, String sql) {
        PlannedQuery planned = plan(order.query());
        if (!BoundedOrderBy.isBounded(planned) && order.hasFetch()) {
            return run(plan(order.whole()), sql); // a Top-N's changelog, as Flink's
        }
        BoundedOrderBy.requireBounded(planned);
        QueryResult all = run(planned, sql);
        List<Row> sorted = order.apply(Changelogs.materialize(all.changelog()), all.columnNames());
        return new QueryResult(all.columnNames(), all.types(), sorted);
    }

    /** Runs a planned query to the end of its input (at most {@link #COLLECT_TIMEOUT}) and returns its changelog. */
    private QueryResult run(PlannedQuery planned, String sql) {
        CollectSink sink = new CollectSink(RESULT_QUEUE_CAPACITY);
        JobClient job = submit(planned, sql, sink);
        List<Row> rows = new ArrayList<>();
        running = job;
        try {
            boolean ended = drain(job, sink, rows::add, System.nanoTime() + COLLECT_TIMEOUT.toNanos());
            if (!ended) {
                job.cancel();
                throw new StatementException("the query did not end within " + COLLECT_TIMEOUT.toSeconds()
                    + " s; queries in test files must read bounded sources");
            }
        } finally {
            running = null;
        }
        rethrowFailure(job);
        RowType type = planned.resultType();
        return new QueryResult(type.fieldNames(), type.fieldTypes(), rows);
    }

    /** Waits for every job this session submitted to end; returns the failures' messages. */
    List<String> awaitAll() {
        List<String> failures = new ArrayList<>();
        for (JobClient j : submitted) {
            try {
                j.terminationFuture().join();
            } catch (RuntimeException e) {
                failures.add(j.failure().map(Throwable::getMessage).orElse(String.valueOf(e.getMessage())));
            }
        }
        return failures;
    }

    /** Jobs submitted by this session that have not ended. */
    long runningJobs() {
        return submitted.stream().filter(j -> !j.status().isTerminal()).count();
    }

    private PlannedQuery plan(SqlNode statement) {
        try {
            return planner.plan(statement, catalog, config.current());
        } catch (ValidationException e) {
            throw new StatementException(e.getMessage(), e.line(), e.column(), e);
        } catch (io.weir.runtime.connector.ValidationException e) {
            throw new StatementException(e.getMessage(), e);
        }
    }

    private JobClient submit(PlannedQuery planned, String sql, CollectSink sink) {
        String name = config.current().getString(ClientOptions.PIPELINE_NAME.key());
        if (name == null) {
            String oneLine = sql.replaceAll("\\s+", " ").trim();
            name = oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
        }
        try {
            // checkpointing, restart strategy and restore path come from the session configuration in the graph
            long now = System.currentTimeMillis();
            JobClient job = CheckpointedJobs.submit(cluster(), planned.jobGraph(name, sink));
            startTimes.put(job.jobId(), now);
            submitted.add(job);
            return job;
        } catch (io.weir.runtime.connector.ValidationException | ValidationException e) {
            throw new StatementException(e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new StatementException(e.getMessage(), e);
        }
    }

    /**
     * Moves rows from the sink to {@code consumer} until the job has ended and the queue is empty,
     * or the deadline passes; returns whether the job ended.
     */
    private static boolean drain(JobClient job, CollectSink sink, java.util.function.Consumer<Row> consumer, long deadlineNanos) {
        try {
            while (true) {
                Row r = sink.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    consumer.accept(r);
                    continue;
                }
                if (job.status().isTerminal()) {
                    for (Row rest = sink.poll(); rest != null; rest = sink.poll()) {
                        consumer.accept(rest);
                    }
                    return true;
                }
                if (System.nanoTime() > deadlineNanos) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            return true;
        }
    }

    private static JobStatus await(JobClient job) {
        try {
            return job.terminationFuture().join();
        } catch (RuntimeException e) {
            rethrowFailure(job);
            throw new StatementException("Job " + job.jobId() + " failed: " + e.getMessage(), e);
        }
    }

    private static void rethrowFailure(JobClient job) {
        if (job.failure().isPresent()) {
            JobFailure f = job.failure().get();
            throw new StatementException(f.getMessage(), f);
        }
    }

    /** How the rows of a SELECT are shown, by {@code sql-client.execution.result-mode}. */
    private interface ResultView {
        void accept(Row row);

        void finish(boolean cancelled);
    }

    private ResultView resultView(RowType type) {
        ValueFormatter formatter = new ValueFormatter(timeZone.get());
        ClientOptions.ResultMode mode = config.get(ClientOptions.RESULT_MODE);
        int maxWidth = config.get(ClientOptions.MAX_COLUMN_WIDTH);
        List<String> header = new ArrayList<>();
        header.add("op");
        header.addAll(type.fieldNames());
        java.util.function.Function<Row, List<String>> cells = r -> {
            List<String> c = new ArrayList<>(r.arity());
            for (int i = 0; i < r.arity(); i++) {
                c.add(formatter.format(r.getField(i), type.fieldType(i)));
            }
            return c;
        };
        switch (mode) {
            case CHANGELOG:
                return new ResultView() {
                    long count;

                    @Override
                    public void accept(Row row) {
                        out.println(row.getKind().shortString() + "[" + String.join(", ", cells.apply(row)) + "]");
                        out.flush();
                        count++;
                    }

                    @Override
                    public void finish(boolean cancelled) {
                        out.println((cancelled ? "[INFO] Query cancelled. " : "") + "Received a total of " + count + (count == 1 ? " row" : " rows"));
                    }
                };
            case TABLE:
                return new ResultView() {
                    final List<Row> changelog = new ArrayList<>();

                    @Override
                    public void accept(Row row) {
                        changelog.add(row);
                        if (changelog.size() > config.get(ClientOptions.MAX_TABLE_RESULT_ROWS)) {
                            throw new StatementException("the result has more than " + config.get(ClientOptions.MAX_TABLE_RESULT_ROWS)
                                + " changes; use the tableau or changelog result mode, or raise sql-client.execution.max-table-result.rows");
                        }
                    }

                    @Override
                    public void finish(boolean cancelled) {
                        List<List<String>> rows = new ArrayList<>();
                        for (Row r : Changelogs.materialize(changelog)) {
                            rows.add(cells.apply(r));
                        }
                        printer.printStatic(type.fieldNames(), rows);
                        if (cancelled) {
                            out.println("[INFO] Query cancelled.");
                        }
                    }
                };
            default:
                int[] widths = new int[header.size()];
                widths[0] = 2;
                for (int i = 0; i < type.arity(); i++) {
                    widths[i + 1] = ValueFormatter.displayWidth(type.fieldType(i), maxWidth);
                }
                TableauPrinter.Streaming table = printer.startStreaming(header, widths);
                return new ResultView() {
                    @Override
                    public void accept(Row row) {
                        List<String> c = new ArrayList<>();
                        c.add(row.getKind().shortString());
                        c.addAll(cells.apply(row));
                        table.printRow(c);
                    }

                    @Override
                    public void finish(boolean cancelled) {
                        table.finish();
                        if (cancelled) {
                            out.println("[INFO] Query cancelled.");
                        }
                    }
                };
        }
    }

    void cancelRunning() {
        JobClient j = running;
        if (j != null) {
            j.cancel();
        }
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
