package io.weir.planner;

import io.weir.checkpoint.config.Configuration;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.testing.CollectSink;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.graph.JobGraph;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plans queries, translates them into job graphs and runs them on the local cluster. */
class QueryExecutionTest {

    private static List<String> run(String sql, Configuration conf) throws Exception {
        PlannedQuery q = new QueryPlanner().plan(WeirSqlParser.parseStatement(sql), new InMemoryCatalog(), conf);
        CollectSink sink = new CollectSink();
        JobGraph graph = q.jobGraph("test", sink);
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = cluster.submit(graph);
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)), () -> "job failed: " + job.failure());
        }
        return sink.changelog();
    }

    @Test
    void shouldRunProjectionAndFilterOverValues() throws Exception {
        List<String> out = run("SELECT k, v * 10 AS v10 FROM (VALUES ('a', 1), ('b', 2), ('c', 3)) AS t(k, v) WHERE v <> 2",
            new Configuration());
        assertEquals(List.of("+I[a, 10]", "+I[c, 30]"), out);
    }

    @Test
    void shouldRunGroupAggregationWithRetractions() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", "2");
        List<String> out = run("SELECT k, COUNT(*) AS c, SUM(v) AS s FROM (VALUES ('a', 1), ('b', 2), ('a', 3)) AS t(k, v) GROUP BY k",
            conf);
        List<String> sorted = out.stream().filter(r -> r.contains("[a")).toList();
        assertEquals(List.of("+I[a, 1, 1]", "-U[a, 1, 1]", "+U[a, 2, 4]"), sorted);
        assertEquals(List.of("+I[b, 1, 2]"), out.stream().filter(r -> r.contains("[b")).toList());
    }

    @Test
    void shouldRunLocalGlobalAggregationWithMiniBatch() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", "2");
        conf.setString("table.exec.mini-batch.enabled", "true");
        conf.setString("table.exec.mini-batch.allow-latency", "100 ms");
        conf.setString("table.exec.mini-batch.size", "1000");
        List<String> out = run("SELECT k, COUNT(*) AS c, SUM(v) AS s FROM (VALUES ('a', 1), ('b', 2), ('a', 3)) AS t(k, v) GROUP BY k",
            conf);
        assertEquals(List.of("+I[a, 2, 4]", "+I[b, 1, 2]"), out.stream().sorted().toList());
    }
}
