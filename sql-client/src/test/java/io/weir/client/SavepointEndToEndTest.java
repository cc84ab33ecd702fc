package io.weir.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints through the client: a stateful INSERT job (a tumbling-window aggregation into the
 * exactly-once file sink) is stopped with {@code STOP JOB 'id' WITH SAVEPOINT} mid-run and started
 * again from the printed path; the committed output of both runs together equals the complete
 * output, with nothing lost and nothing twice.
 */
class SavepointEndToEndTest {
    private static final long ROWS = 3_000;

    @TempDir
    Path dir;

    /**
     * The watermark allows 5 s of disorder: datagen's 128 splits resume from a restore with
     * positions up to one row apart, i.e. up to 128 ids (1.28 s of event time) out of order, and
     * a tighter watermark would drop some of those rows as late (event-time semantics, not a
     * checkpoint effect), making the expected windows depend on where the savepoint fell.
     */
    private static String source() {
        return "CREATE TABLE src (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 10, 3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) "
            + "WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "')";
    }

    private String sink(Path out) {
        return "CREATE TABLE out_t (k BIGINT, c BIGINT, m BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + out
            + "', 'format' = 'csv')";
    }

    private static final String INSERT = "INSERT INTO out_t SELECT id % 3, COUNT(*), MAX(id) "
        + "FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY id % 3, window_start, window_end";

    private ClientSessionFixture session(Path out) {
        ClientSessionFixture s = new ClientSessionFixture();
        s.execute("SET 'execution.checkpointing.interval' = '100 ms'");
        s.execute(source());
        s.execute(sink(out));
        return s;
    }

    /** Every window of 100 ids (ts = id * 10 ms), per key id % 3: count and max id. */
    private static List<String> expectedOutput() {
        List<String> lines = new ArrayList<>();
        for (long w = 0; w * 100 <= ROWS; w++) {
            for (long k = 0; k < 3; k++) {
                long count = 0;
                long max = -1;
                for (long id = Math.max(1, w * 100); id < (w + 1) * 100 && id <= ROWS; id++) {
                    if (id % 3 == k) {
                        count++;
                        max = id;
                    }
                }
                if (count > 0) {
                    lines.add(k + "," + count + "," + max);
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> committedLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    lines.addAll(Files.readAllLines(f));
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    @Test
    void whenAJobIsStoppedWithASavepointAndRestartedFromIt_thenTheOutputContinuesWithoutLossOrDuplicates() throws Exception {
        Path out = dir.resolve("out");
        Path savepoints = dir.resolve("savepoints");
        String savepoint;
        String firstHistory;
        String described;
        try (ClientSessionFixture first = session(out)) {
            first.execute("SET 'execution.checkpointing.savepoint-dir' = '" + savepoints.toUri() + "'");
            String jobId = first.submit(INSERT);
            long deadline = System.currentTimeMillis() + 30_000;
            while (committedLines(out).isEmpty()) { // some output committed by a checkpoint before the stop
                assertTrue(System.currentTimeMillis() < deadline, "nothing committed");
                Thread.sleep(20);
            }
            String printed = first.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT");
            Matcher m = Pattern.compile("\\| +(\\S*savepoint-\\S+) \\|").matcher(printed);
            assertTrue(printed.contains("savepoint path") && m.find(), printed);
            savepoint = m.group(1);
            assertTrue(first.execute("SHOW JOBS").contains("FINISHED"), "stop-with-savepoint ends the job FINISHED");
            firstHistory = first.execute("SHOW CHECKPOINTS '" + jobId + "'");
            assertTrue(firstHistory.contains("SAVEPOINT"), firstHistory);
        }
        Path savepointDir = Path.of(savepoint);
        assertTrue(savepointDir.startsWith(savepoints) && Files.exists(savepointDir.resolve("_metadata")), savepoint);
        int before = committedLines(out).size();
        assertTrue(before > 0 && before < expectedOutput().size(), "stopped mid-run: " + before + " rows committed");

        try (ClientSessionFixture second = session(out)) {
            second.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");
            String jobId = second.submit(INSERT);
            assertTrue(second.session.awaitSubmittedJobs());
            described = second.execute("DESCRIBE JOB '" + jobId + "'") + second.execute("SHOW CHECKPOINTS '" + jobId + "'");
            assertTrue(described.contains("restored") && described.contains(savepoint), described);
        }
        String history = firstHistory + described;
        assertEquals(expectedOutput(), committedLines(out), () -> "first run:\n" + history);
        assertTrue(Files.exists(savepointDir.resolve("_metadata")), "a savepoint is the user's: never deleted");
    }

    @Test
    void whenNoSavepointDirectoryIsConfigured_thenStopWithSavepointFailsAndTheJobKeepsRunning() throws Exception {
        try (ClientSessionFixture s = session(dir.resolve("out"))) {
            String jobId = s.submit(INSERT);
            StatementException e = assertThrows(StatementException.class, () -> s.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT"));
            assertTrue(e.getMessage().contains("No savepoint directory configured")
                && e.getMessage().contains("execution.checkpointing.savepoint-dir"), e.getMessage());
            assertTrue(s.execute("SHOW JOBS").contains("RUNNING"));
            s.execute("STOP JOB '" + jobId + "'");
        }
    }

    @Test
    void whenOnlyASavepointDirectoryIsSet_thenABoundedJobStillCommitsAllItsOutput() throws Exception {
        Path out = dir.resolve("plain");
        try (ClientSessionFixture s = new ClientSessionFixture()) {
            s.execute("SET 'execution.checkpointing.savepoint-dir' = '" + dir.resolve("sp") + "'");
            s.execute(source().replace("'rows-per-second' = '1500'", "'rows-per-second' = '100000'"));
            s.execute(sink(out));
            s.submit(INSERT);
            assertTrue(s.session.awaitSubmittedJobs());
        }
        assertEquals(expectedOutput(), committedLines(out));
    }

    @Test
    void whenTheJobIdIsUnknown_thenStopWithSavepointSaysSo() {
        try (ClientSessionFixture s = new ClientSessionFixture()) {
            StatementException e = assertThrows(StatementException.class, () -> s.execute("STOP JOB 'nope' WITH SAVEPOINT"));
            assertTrue(e.getMessage().contains("No job with id 'nope'"), e.getMessage());
        }
    }
}
