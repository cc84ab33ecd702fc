package io.weir.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.data.Row;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint statistics in the client: {@code SHOW CHECKPOINTS 'id'}, {@code DESCRIBE JOB 'id'}
 * and the read-only system tables {@code sys.jobs}, {@code sys.checkpoints} and
 * {@code sys.checkpoint_operators}, queried with ordinary SQL while a checkpointed job runs.
 */
class CheckpointVisibilityTest {
    private ClientSessionFixture client;
    private String jobId;

    @BeforeEach
    void startACheckpointedJob() throws Exception {
        client = new ClientSessionFixture();
        client.execute("SET 'execution.checkpointing.interval' = '50 ms'");
        client.execute("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2000', "
            + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000')");
        client.execute("CREATE TABLE sink (k BIGINT, c BIGINT) WITH ('connector' = 'blackhole')");
        jobId = client.submit("INSERT INTO sink SELECT id % 5, COUNT(*) FROM src GROUP BY id % 5");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!client.execute("SHOW CHECKPOINTS '" + jobId + "'").contains("COMPLETED")) {
            assertTrue(System.currentTimeMillis() < deadline, "no checkpoint completed");
            Thread.sleep(50);
        }
        Thread.sleep(200); // a few more
    }

    @AfterEach
    void stop() {
        client.execute("STOP JOB '" + jobId + "'");
        client.close();
    }

    @Test
    void shouldListCheckpointsWithTheirStatisticsNewestFirst() {
        String shown = client.execute("SHOW CHECKPOINTS '" + jobId + "'");
        for (String column : List.of("id", "type", "status", "trigger time", "end to end duration", "checkpointed size",
            "full state size", "processed (alignment)", "persisted (alignment)", "alignment duration", "acknowledged")) {
            assertTrue(shown.contains(column), column + " in\n" + shown);
        }
        assertTrue(shown.contains("COMPLETED") && shown.contains("CHECKPOINT") && shown.contains(" ms "), shown);
        assertTrue(shown.matches("(?s).*\\| +\\d+/\\d+ \\|.*"), "acknowledged tasks: " + shown);
    }

    @Test
    void shouldDescribeTheJobWithCountsLatestCheckpointsAndOperatorAcknowledgements() {
        String described = client.execute("DESCRIBE JOB '" + jobId + "'");
        for (String part : List.of("job id", jobId, "RUNNING", "start time", "triggered", "in progress", "completed", "failed",
            "restored", "latest", "operator", "ack duration", "async duration")) {
            assertTrue(described.contains(part), part + " in\n" + described);
        }
    }

    @Test
    void whenTheSystemTablesAreQueriedWithFiltersAndAggregates_thenTheyShowTheCheckpointHistory() {
        QueryResult completed = client.session.runQuery("SELECT job_id, COUNT(*) AS n, MAX(checkpoint_id) AS latest, "
            + "SUM(state_size) AS total FROM sys.checkpoints WHERE status = 'COMPLETED' AND job_id = '" + jobId + "' GROUP BY job_id");
        List<Row> rows = Changelogs.materialize(completed.changelog());
        assertEquals(1, rows.size(), () -> String.valueOf(completed.changelog()));
        assertEquals(jobId, rows.get(0).getField(0));
        assertTrue((Long) rows.get(0).getField(1) >= 1);
        assertTrue((Long) rows.get(0).getField(3) > 0, "a group aggregation has state");

        QueryResult jobs = client.session.runQuery("SELECT job_id, status, checkpoints_completed, latest_completed_id "
            + "FROM sys.jobs WHERE checkpoints_completed > 0");
        Row job = Changelogs.materialize(jobs.changelog()).get(0);
        assertEquals(jobId, job.getField(0));
        assertTrue((Long) job.getField(2) >= (Long) rows.get(0).getField(1), "counts cover the (bounded) history");

        QueryResult operators = client.session.runQuery("SELECT operator_uid, acknowledged_subtasks, total_subtasks "
            + "FROM sys.checkpoint_operators WHERE checkpoint_status = 'COMPLETED'");
        assertTrue(operators.changelog().stream().map(r -> r.getField(0)).distinct().count() >= 2,
            "source and aggregation at least: " + operators.changelog());
        for (Row r : operators.changelog()) {
            assertEquals(r.getField(2), r.getField(1), "a completed checkpoint was acknowledged by every subtask");
        }
    }

    @Test
    void whenTheHistoryIsOrderedAndLimited_thenTheClientSortsTheBoundedSnapshot() {
        QueryResult latest = client.session.runQuery("SELECT checkpoint_id, status FROM sys.checkpoints "
            + "WHERE job_id = '" + jobId + "' ORDER BY checkpoint_id DESC LIMIT 3");
        List<Row> rows = latest.changelog();
        assertEquals(3, rows.size(), () -> String.valueOf(rows));
        assertTrue((Long) rows.get(0).getField(0) > (Long) rows.get(1).getField(0)
            && (Long) rows.get(1).getField(0) > (Long) rows.get(2).getField(0), String.valueOf(rows));
        String printed = client.execute("SELECT status, COUNT(*) AS n FROM sys.checkpoints GROUP BY status ORDER BY 2 DESC, status");
        assertTrue(printed.contains("COMPLETED"), printed);
    }

    @Test
    void whenAnUnboundedQueryIsOrdered_thenItIsRefused() {
        StatementException e = assertThrows(StatementException.class,
            () -> client.execute("SELECT id FROM src ORDER BY id"));
        assertTrue(e.getMessage().contains("ORDER BY") && e.getMessage().contains("sys.*"), e.getMessage());
    }

    @Test
    void shouldShowJobsWithTheirStartTime() {
        String jobs = client.execute("SHOW JOBS");
        assertTrue(jobs.contains("start time") && jobs.contains(jobId) && jobs.matches("(?s).*\\d{4}-\\d{2}-\\d{2} .*"), jobs);
    }

    @Test
    void shouldDescribeTheSystemTables() {
        String described = client.execute("DESCRIBE sys.checkpoints");
        assertTrue(described.contains("end_to_end_duration_ms") && described.contains("TIMESTAMP_LTZ(3)"), described);
        StatementException e = assertThrows(StatementException.class, () -> client.execute("DESCRIBE sys.nope"));
        assertTrue(e.getMessage().contains("checkpoint_operators"), e.getMessage());
    }

    @Test
    void whenAnEmptyHistoryIsQueried_thenTheResultIsEmpty() {
        QueryResult none = client.session.runQuery("SELECT checkpoint_id FROM sys.checkpoints WHERE job_id = 'no-such-job'");
        assertTrue(none.changelog().isEmpty());
    }

    @Test
    void whenTheSystemTablesAreModified_thenTheStatementIsRefused() {
        StatementException insert = assertThrows(StatementException.class,
            () -> client.execute("INSERT INTO sys.checkpoints SELECT * FROM sys.checkpoints"));
        assertTrue(insert.getMessage().contains("sys"), insert.getMessage());
        StatementException drop = assertThrows(StatementException.class, () -> client.execute("DROP TABLE sys.checkpoints"));
        assertTrue(drop.getMessage().contains("read-only system database"), drop.getMessage());
        StatementException create = assertThrows(StatementException.class,
            () -> client.execute("CREATE TABLE sys.mine (a INT) WITH ('connector' = 'blackhole')"));
        assertTrue(create.getMessage().contains("read-only system database"), create.getMessage());
    }

    @Test
    void whenAJobTakesNoCheckpoints_thenShowCheckpointsSaysHowToGetThem() {
        client.execute("RESET 'execution.checkpointing.interval'");
        String plain = client.submit("INSERT INTO sink SELECT id, id FROM src");
        try {
            StatementException e = assertThrows(StatementException.class, () -> client.execute("SHOW CHECKPOINTS '" + plain + "'"));
            assertTrue(e.getMessage().contains("execution.checkpointing.interval"), e.getMessage());
            assertTrue(client.execute("DESCRIBE JOB '" + plain + "'").contains("takes no checkpoints"));
        } finally {
            client.execute("STOP JOB '" + plain + "'");
        }
    }
}
