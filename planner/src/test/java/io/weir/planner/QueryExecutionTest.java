package io.weir.planner;

import io.weir.checkpoint.config.Configuration;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.testing.CollectSink;
import io.weir.planner.testing.TestSourceFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.graph.JobGraph;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plans queries, translates them into job graphs and runs them on the local cluster. */
class QueryExecutionTest {

    private static List<String> run(String sql, Configuration conf) throws Exception {
        return run(sql, conf, new InMemoryCatalog());
    }

    private static List<String> run(String sql, Configuration conf, InMemoryCatalog catalog) throws Exception {
        PlannedQuery q = new QueryPlanner().plan(WeirSqlParser.parseStatement(sql), catalog, conf);
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

    @Test
    void shouldRunEventTimeTumbleWindowAggregation() throws Exception {
        long min = 60_000L;
        TestSourceFactory.register("clicks", List.of(
            Row.of("a", 1, 10_000L), Row.of("b", 2, 20_000L), Row.of("a", 3, min + 5_000L),
            Row.of("a", 4, 50_000L), Row.of("b", 5, 2 * min + 1L)));
        InMemoryCatalog catalog = new InMemoryCatalog().table("clicks", List.of(
                ColumnDescriptor.physical("u", DataType.string()),
                ColumnDescriptor.physical("n", DataType.integer()),
                ColumnDescriptor.physical("ts", DataType.timestamp(3))),
            "ts", "ts - INTERVAL '1' SECOND", List.of(), Map.of("connector", "test-source", "data-id", "clicks"));
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", "2");
        List<String> out = run("SELECT u, window_start, window_end, SUM(n) AS total, COUNT(*) AS c "
            + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY u, window_start, window_end",
            conf, catalog);
        assertEquals(List.of("+I[a, 0, 60000, 5, 2]", "+I[a, 60000, 120000, 3, 1]", "+I[b, 0, 60000, 2, 1]",
            "+I[b, 120000, 180000, 5, 1]"), out.stream().sorted().toList());
    }
}
