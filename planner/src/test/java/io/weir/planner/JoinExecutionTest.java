package io.weir.planner;

import io.weir.checkpoint.config.Configuration;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.testing.CollectSink;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plans joins over VALUES, runs them on the local cluster and checks the changelog. */
class JoinExecutionTest {
    private static final String L = "(VALUES (1, 'a'), (2, 'b'), (3, 'c')) AS l(k, lv)";
    private static final String R = "(VALUES (1, 'x'), (1, 'y'), (4, 'z')) AS r(k, rv)";

    private static List<String> run(String sql, int parallelism) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", String.valueOf(parallelism));
        PlannedQuery q = new QueryPlanner().plan(WeirSqlParser.parseStatement(sql), new InMemoryCatalog(), conf);
        CollectSink sink = new CollectSink();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = cluster.submit(q.jobGraph("test", sink));
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)), () -> "job failed: " + job.failure());
        }
        return sink.changelog();
    }

    @Test
    void shouldRunInnerJoin() throws Exception {
        List<String> out = run("SELECT l.k, lv, rv FROM " + L + " JOIN " + R + " ON l.k = r.k", 2);
        assertEquals(List.of("+I[1, a, x]", "+I[1, a, y]"), out.stream().sorted().toList());
    }

    @Test
    void shouldRunFullJoinWithResidualCondition() throws Exception {
        List<String> out = run("SELECT l.k, lv, r.k, rv FROM " + L + " FULL JOIN " + R
            + " ON l.k = r.k AND rv <> 'y'", 2);
        List<String> net = netChanges(out);
        assertEquals(List.of("[1, a, 1, x]", "[2, b, null, null]", "[3, c, null, null]", "[null, null, 1, y]",
            "[null, null, 4, z]"), net);
    }

    @Test
    void shouldJoinUpdatingAggregateAndRetractOldResults() throws Exception {
        List<String> out = run("SELECT l.k, lv, c FROM " + L + " JOIN "
            + "(SELECT k, COUNT(*) AS c FROM " + R + " GROUP BY k) g ON l.k = g.k", 1);
        assertEquals(List.of("+I[1, a, 1]", "-D[1, a, 1]", "+I[1, a, 2]"), out);
    }

    /** The rows left after applying every +I/-D in order, sorted. */
    private static List<String> netChanges(List<String> changelog) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (String c : changelog) {
            String row = c.substring(2);
            if (c.startsWith("+")) {
                rows.add(row);
            } else {
                rows.remove(row);
            }
        }
        return rows.stream().sorted().toList();
    }
}
