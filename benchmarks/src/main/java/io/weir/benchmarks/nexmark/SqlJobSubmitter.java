package io.weir.benchmarks.nexmark;

import io.weir.checkpoint.config.Configuration;
import io.weir.client.script.Statement;
import io.weir.client.script.StatementSplitter;
import io.weir.parser.SqlParseError;
import io.weir.parser.WeirSqlParser;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.planner.PlannedQuery;
import io.weir.planner.QueryPlanner;
import io.weir.planner.ValidationException;
import io.weir.planner.catalog.CatalogException;
import io.weir.planner.catalog.InMemoryCatalog;
import io.weir.planner.functions.PlannerOperatorTable;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.LocalCluster;
import java.util.List;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs a benchmark script through the same parser, catalog, planner and local cluster as the
 * {@code weir} client: {@code CREATE TABLE} and {@code CREATE VIEW} go into a fresh catalog, the one
 * {@code INSERT} is planned and submitted. Used by one thread; a new instance per job, so that each
 * query starts from an empty catalog.
 */
final class SqlJobSubmitter {
    private final InMemoryCatalog catalog = new InMemoryCatalog(PlannerOperatorTable.create());
    private final QueryPlanner planner = new QueryPlanner();
    private final Configuration conf;

    SqlJobSubmitter(Configuration conf) {
        this.conf = conf;
    }

    /** A named SQL script (the name is used in error messages). */
    record Script(String name, String text) {
    }

    /**
     * Executes the DDL of {@code scripts}, in order, and submits their single INSERT to {@code cluster}.
     *
     * @throws BenchmarkException naming the script, the statement's line and what failed
     */
    JobClient submit(List<Script> scripts, LocalCluster cluster) {
        JobClient job = null;
        for (Script script : scripts) {
            job = run(script.name(), script.text(), cluster, job);
        }
        if (job == null) {
            throw new BenchmarkException(scripts.get(scripts.size() - 1).name() + ": no INSERT statement");
        }
        return job;
    }

    private JobClient run(String name, String script, LocalCluster cluster, JobClient submitted) {
        JobClient job = submitted;
        for (Statement st : StatementSplitter.split(script)) {
            SqlNode node = parse(name, st);
            try {
                if (node instanceof SqlCreateTable) {
                    catalog.createTable((SqlCreateTable) node);
                } else if (node instanceof SqlCreateView) {
                    catalog.createView((SqlCreateView) node, st.text());
                } else if (node instanceof SqlInsert) {
                    if (job != null) {
                        throw new BenchmarkException(name + ", line " + st.line() + ": one INSERT per benchmark script");
                    }
                    PlannedQuery planned = planner.plan(node, catalog, conf);
                    job = cluster.submit(planned.jobGraph("nexmark " + name, null));
                } else {
                    throw new BenchmarkException(name + ", line " + st.line() + ": unexpected " + node.getKind()
                        + " statement; benchmark scripts hold CREATE TABLE, CREATE VIEW and one INSERT");
                }
            } catch (ValidationException e) {
                throw new BenchmarkException(name + ", line " + (st.line() + e.line() - 1) + ": " + e.getMessage(), e);
            } catch (CatalogException | io.weir.runtime.connector.ValidationException e) {
                throw new BenchmarkException(name + ", line " + st.line() + ": " + e.getMessage(), e);
            } catch (UnsupportedOperationException | IllegalStateException | IllegalArgumentException e) {
                throw new BenchmarkException(name + ", line " + st.line() + ": " + e, e);
            }
        }
        return job;
    }

    private static SqlNode parse(String name, Statement st) {
        try {
            return WeirSqlParser.parseStatement(st.text());
        } catch (SqlParseError e) {
            throw new BenchmarkException(name + ", line " + (st.line() + e.line() - 1) + ": " + e.getMessage(), e);
        }
    }
}
