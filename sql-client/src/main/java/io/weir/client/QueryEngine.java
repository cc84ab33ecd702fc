package io.weir.client;

import io.weir.client.print.TableauPrinter;
import io.weir.parser.ddl.SqlStopJob;
import io.weir.planner.catalog.InMemoryCatalog;
import io.weir.planner.catalog.TabularResult;
import io.weir.planner.functions.PlannerOperatorTable;
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
    private LocalCluster cluster;
    private volatile JobClient running;

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

    TabularResult jobs() {
        List<List<String>> rows = new ArrayList<>();
        if (cluster != null) {
            for (JobClient j : cluster.jobs()) {
                rows.add(List.of(j.jobId(), j.jobName(), j.status().name()));
            }
        }
        return new TabularResult(List.of("job id", "job name", "status"), rows);
    }

    void stopJob(SqlStopJob stop) {
        if (stop.isWithSavepoint()) {
            throw new StatementException("not supported yet: STOP JOB ... WITH SAVEPOINT (savepoints are not wired into the client yet)");
        }
        if (stop.isWithDrain()) {
            throw new StatementException("not supported yet: STOP JOB ... WITH DRAIN");
        }
        JobClient job = null;
        if (cluster != null) {
            for (JobClient j : cluster.jobs()) {
                if (j.jobId().equals(stop.getJobId())) {
                    job = j;
                }
            }
        }
        if (job == null) {
            throw new StatementException("No job with id '" + stop.getJobId() + "' in this session; SHOW JOBS lists them");
        }
        job.cancel();
    }

    void submitInserts(List<SqlInsert> inserts, String sql) {
        throw notYet("INSERT INTO");
    }

    String explain(SqlNode statement, String sql) {
        throw notYet("EXPLAIN");
    }

    void printQuery(SqlNode query, String sql) {
        throw notYet("running queries");
    }

    QueryResult collect(SqlNode query, String sql) {
        throw notYet("running queries");
    }

    void cancelRunning() {
        JobClient j = running;
        if (j != null) {
            j.cancel();
        }
    }

    private static StatementException notYet(String what) {
        return new StatementException("not supported yet: " + what + " (the streaming planner is not connected to the client yet)");
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
