package io.weir.client;

import io.weir.checkpoint.config.Configuration;
import io.weir.client.config.ClientOptions;
import io.weir.client.config.ConfigRegistry;
import io.weir.client.print.TableauPrinter;
import io.weir.parser.SqlParseError;
import io.weir.parser.WeirSqlParser;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.parser.ddl.SqlDropTable;
import io.weir.parser.ddl.SqlDropView;
import io.weir.parser.ddl.SqlReset;
import io.weir.parser.ddl.SqlSet;
import io.weir.parser.ddl.SqlStopJob;
import io.weir.parser.dml.SqlBeginStatementSet;
import io.weir.parser.dml.SqlEndStatementSet;
import io.weir.parser.dml.SqlStatementSet;
import io.weir.parser.dql.SqlRichDescribeTable;
import io.weir.parser.dql.SqlRichExplain;
import io.weir.parser.dql.SqlShowCreateTable;
import io.weir.parser.dql.SqlShowCreateView;
import io.weir.parser.dql.SqlShowFunctions;
import io.weir.parser.dql.SqlShowJobs;
import io.weir.parser.dql.SqlShowCheckpoints;
import io.weir.parser.dql.SqlDescribeJob;
import io.weir.checkpoint.coordinator.CheckpointStatsRecord;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.planner.catalog.SystemTables;
import io.weir.runtime.checkpointing.CheckpointedJobs;
import io.weir.runtime.cluster.JobClient;
import java.util.Optional;
import io.weir.parser.dql.SqlShowTables;
import io.weir.parser.dql.SqlShowViews;
import io.weir.planner.catalog.CatalogException;
import io.weir.planner.catalog.InMemoryCatalog;
import io.weir.planner.catalog.TabularResult;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * One client session: a catalog, a configuration and the jobs it submitted. Statements are
 * parsed with Weir's parser and dispatched here; what the engine cannot run yet fails with
 * "not supported yet: ...", never silently.
 *
 * <p>Not thread-safe, except {@link #cancelRunning()}, which the REPL calls from its signal
 * handler while a statement runs.
 */
public final class Session implements AutoCloseable {
    static final String OK = "[INFO] Execute statement succeeded.";

    private final ConfigRegistry registry = ConfigRegistry.standard();
    private final SessionConfig config;
    private final InMemoryCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;
    private final TableauPrinter printer;
    private List<SqlInsert> statementSet; // non-null between BEGIN STATEMENT SET and END

    public Session(Configuration initial, PrintStream out, PrintStream err) {
        this.config = new SessionConfig(registry, initial);
        this.catalog = new InMemoryCatalog(QueryEngine.operatorTable());
        this.catalog.enableSystemTables(new SystemTables(() -> engine == null ? List.of() : engine.jobEntries()));
        this.out = out;
        this.err = err;
        this.printer = new TableauPrinter(out);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean isVerbose() {
        return config.get(ClientOptions.VERBOSE);
    }

    public Configuration configuration() {
        return config.current();
    }

    /** The session time zone ({@code table.local-time-zone}; the JVM's zone when unset or 'default'). */
    public ZoneId timeZone() {
        String zone = config.current().getString("table.local-time-zone");
        if (zone == null || zone.equalsIgnoreCase("default")) {
            return ZoneId.systemDefault();
        }
        return ZoneId.of(zone);
    }

    /** Parses and runs one statement (without its ';'), printing its result. */
    public void execute(String sql) {
        if (isHelp(sql)) {
            out.print(HELP);
            return;
        }
        SqlNode node = parse(sql);
        try {
            dispatch(node, sql);
        } catch (CatalogException e) {
            throw new StatementException(e.getMessage(), e.line(), e.column(), e);
        } catch (StatementException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StatementException(describe(e), e);
        }
    }

    /** Runs a query to the end of its (bounded) input and returns its changelog, for SQL test files. */
    public QueryResult runQuery(String sql) {
        SqlNode node = parse(sql);
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            throw new StatementException("expected a query (SELECT, VALUES, ...), got " + node.getKind());
        }
        try {
            return engine().collect(node, sql);
        } catch (CatalogException e) {
            throw new StatementException(e.getMessage(), e.line(), e.column(), e);
        } catch (StatementException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StatementException(describe(e), e);
        }
    }

    /**
     * Waits for the jobs this session submitted (INSERTs) to end, as a script run must before the
     * process exits; prints each failure. Returns true when none failed.
     */
    public boolean awaitSubmittedJobs() {
        if (engine == null) {
            return true;
        }
        long running = engine.runningJobs();
        if (running > 0) {
            out.println("[INFO] Waiting for " + running + " running job" + (running == 1 ? "" : "s")
                + " to finish (Ctrl-C stops the client and its jobs).");
            out.flush();
        }
        List<String> failures = engine.awaitAll();
        for (String f : failures) {
            err.println("[ERROR] " + f);
        }
        return failures.isEmpty();
    }

    /** Cancels the statement that is running, if any (called from the REPL's Ctrl-C handler). */
    public void cancelRunning() {
        QueryEngine e = engine;
        if (e != null) {
            e.cancelRunning();
        }
    }

    private SqlNode parse(String sql) {
        try {
            return WeirSqlParser.parseStatement(sql);
        } catch (SqlParseError e) {
            throw new StatementException(e.getMessage(), e.line(), e.column(), e);
        }
    }

    private void dispatch(SqlNode node, String sql) {
        if (statementSet != null && !(node instanceof SqlInsert) && !(node instanceof SqlEndStatementSet)) {
            throw new StatementException("Only INSERT statements are allowed inside BEGIN STATEMENT SET ... END; got " + kindName(node));
        }
        if (node instanceof SqlCreateTable) {
            catalog.createTable((SqlCreateTable) node);
            out.println(OK);
        } else if (node instanceof SqlCreateView) {
            catalog.createView((SqlCreateView) node, sql);
            out.println(OK);
        } else if (node instanceof SqlDropTable) {
            catalog.dropTable((SqlDropTable) node);
            out.println(OK);
        } else if (node instanceof SqlDropView) {
            catalog.dropView((SqlDropView) node);
            out.println(OK);
        } else if (node instanceof SqlSet) {
            set((SqlSet) node);
        } else if (node instanceof SqlReset) {
            SqlReset reset = (SqlReset) node;
            if (reset.getKeyString() == null) {
                config.resetAll();
            } else {
                config.reset(reset.getKeyString());
            }
            out.println(OK);
        } else if (node instanceof SqlShowTables) {
            printNames("table name", catalog.listTables());
        } else if (node instanceof SqlShowViews) {
            printNames("view name", catalog.listViews());
        } else if (node instanceof SqlShowFunctions) {
            printNames("function name", QueryEngine.functionNames());
        } else if (node instanceof SqlShowCreateTable) {
            out.println(catalog.showCreateTable(((SqlShowCreateTable) node).getName()));
        } else if (node instanceof SqlShowCreateView) {
            out.println(catalog.showCreateView(((SqlShowCreateView) node).getName()));
        } else if (node instanceof SqlRichDescribeTable) {
            TabularResult r = catalog.describe(((SqlRichDescribeTable) node).getName());
            printer.printStatic(r.header(), r.rows());
        } else if (node instanceof SqlShowJobs) {
            TabularResult jobs = engine().jobs();
            printer.printStatic(jobs.header(), jobs.rows());
        } else if (node instanceof SqlStopJob) {
            Optional<String> savepoint = engine().stopJob((SqlStopJob) node);
            if (savepoint.isPresent()) {
                printer.printStatic(List.of("savepoint path"), List.of(List.of(savepoint.get())));
            } else {
                out.println(OK);
            }
        } else if (node instanceof SqlShowCheckpoints) {
            JobClient job = engine().job(((SqlShowCheckpoints) node).getJobId());
            print(new JobReports(timeZone()).checkpoints(engine().checkpointStats(job)));
        } else if (node instanceof SqlDescribeJob) {
            describeJob(((SqlDescribeJob) node).getJobId());
        } else if (node instanceof SqlBeginStatementSet) {
            if (statementSet != null) {
                throw new StatementException("BEGIN STATEMENT SET inside a statement set: end the open one with END first");
            }
            statementSet = new ArrayList<>();
            out.println("[INFO] Begin a statement set.");
        } else if (node instanceof SqlEndStatementSet) {
            if (statementSet == null) {
                throw new StatementException("END without BEGIN STATEMENT SET");
            }
            List<SqlInsert> inserts = statementSet;
            statementSet = null;
            if (inserts.isEmpty()) {
                out.println("[INFO] No statement in the statement set; nothing to run.");
            } else {
                engine().submitInserts(inserts, sql);
            }
        } else if (node instanceof SqlStatementSet) {
            engine().submitInserts(((SqlStatementSet) node).getInserts(), sql);
        } else if (node instanceof SqlInsert) {
            if (statementSet != null) {
                statementSet.add((SqlInsert) node);
                out.println("[INFO] Add SQL update statement to the statement set.");
            } else {
                engine().submitInserts(List.of((SqlInsert) node), sql);
            }
        } else if (node instanceof SqlRichExplain) {
            out.println(engine().explain(((SqlRichExplain) node).getStatement(), sql));
        } else if (node.getKind().belongsTo(SqlKind.QUERY)) {
            engine().printQuery(node, sql);
        } else {
            throw new StatementException("not supported yet: " + kindName(node) + " statements");
        }
    }

    /** DESCRIBE JOB: the job; with checkpoint statistics also counts, latest checkpoints and the newest one's operators. */
    private void describeJob(String jobId) {
        JobClient job = engine().job(jobId);
        JobReports reports = new JobReports(timeZone());
        print(reports.job(job.jobId(), job.jobName(), job.status().name(), engine().startTime(job)));
        Optional<CheckpointStatsSnapshot> stats = CheckpointedJobs.checkpointStats(job);
        if (stats.isEmpty()) {
            out.println("[INFO] The job takes no checkpoints.");
            return;
        }
        out.println("Checkpoints:");
        print(reports.counts(stats.get()));
        TabularResult latest = reports.latest(stats.get());
        if (!latest.rows().isEmpty()) {
            print(latest);
        }
        Optional<CheckpointStatsRecord> newest = JobReports.operatorsOf(stats.get());
        if (newest.isPresent()) {
            out.println("Operators of " + newest.get().kind().name().toLowerCase(Locale.ROOT) + " " + newest.get().checkpointId()
                + " (" + newest.get().status().name() + "):");
            print(reports.operators(newest.get()));
        }
    }

    private void print(TabularResult table) {
        printer.printStatic(table.header(), table.rows());
    }

    private void set(SqlSet set) {
        if (set.getKeyString() == null) {
            printer.printStatic(List.of("key", "value"), config.effective());
            return;
        }
        config.set(set.getKeyString(), set.getValueString());
        if (set.getKeyString().equals(ClientOptions.RUNTIME_MODE.key())
            && config.get(ClientOptions.RUNTIME_MODE) != ClientOptions.RuntimeMode.STREAMING) {
            config.reset(ClientOptions.RUNTIME_MODE.key());
            throw new StatementException("not supported yet: execution.runtime-mode '" + set.getValueString()
                + "'; Weir runs streaming only (bounded sources end by themselves)");
        }
        out.println(OK);
    }

    private void printNames(String header, List<String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(List.of(n));
        }
        printer.printStatic(List.of(header), rows);
    }

    private volatile QueryEngine engine;

    private QueryEngine engine() {
        if (engine == null) {
            engine = new QueryEngine(catalog, config, out, printer, this::timeZone);
        }
        return engine;
    }

    private static String kindName(SqlNode node) {
        return node.getKind().sql.replace('_', ' ');
    }

    /** A user-facing message; internal errors without a message are named as such. */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof NullPointerException || e instanceof IndexOutOfBoundsException || e instanceof ClassCastException
            || m == null || m.isBlank()) {
            return "internal error (a bug in Weir, please report it with the statement): " + e + atFrame(e);
        }
        return m;
    }

    private static String atFrame(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return st.length == 0 ? "" : " at " + st[0];
    }

    private static boolean isHelp(String sql) {
        return sql.trim().toUpperCase(Locale.ROOT).equals("HELP");
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }

    static final String HELP = String.join("\n",
        "Statements (end each with ';'):",
        "  CREATE [TEMPORARY] TABLE [IF NOT EXISTS] t (...) WITH (...)   define a table over a connector",
        "  CREATE [TEMPORARY] VIEW [IF NOT EXISTS] v AS SELECT ...       define a view",
        "  DROP TABLE|VIEW [IF EXISTS] name",
        "  SHOW TABLES | VIEWS | FUNCTIONS | JOBS | CREATE TABLE t | CREATE VIEW v",
        "  SHOW CHECKPOINTS 'job-id'          a job's recent checkpoints and savepoints",
        "  DESCRIBE t | DESCRIBE JOB 'job-id'",
        "  SELECT * FROM sys.checkpoints     checkpoint history as a table (also sys.jobs, sys.checkpoint_operators)",
        "  SELECT ...                        run a continuous query and print its changelog",
        "  INSERT INTO t SELECT ...          submit a job",
        "  EXECUTE STATEMENT SET BEGIN INSERT ...; INSERT ...; END   run several INSERTs as one job",
        "  BEGIN STATEMENT SET; INSERT ...; END;                    the same, statement by statement",
        "  EXPLAIN [PLAN FOR] statement      show the streaming plan",
        "  STOP JOB 'id' [WITH SAVEPOINT]    cancel, or take a final savepoint (execution.checkpointing.savepoint-dir) and stop",
        "  SET; | SET 'key' = 'value'; | RESET; | RESET 'key';      session configuration",
        "  HELP;  QUIT;  EXIT;",
        "Ctrl-C cancels the running statement; Ctrl-D leaves.",
        "");
}
