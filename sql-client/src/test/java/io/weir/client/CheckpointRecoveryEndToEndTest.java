package io.weir.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpointing from the client: a script with checkpointing into a directory is killed with
 * SIGKILL mid-run and started again with {@code -s <latest chk>}; the committed files hold exactly
 * the output of a failure-free run. Also SET validation of checkpoint options.
 */
class CheckpointRecoveryEndToEndTest {
    private static final long ROWS = 4_000;

    @TempDir
    Path dir;

    private String job(Path out) {
        return String.join("\n",
            "SET 'execution.checkpointing.interval' = '100 ms';",
            "SET 'execution.checkpointing.dir' = '" + dir.resolve("checkpoints").toUri() + "';",
            "SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';",
            "CREATE TABLE src (id BIGINT) WITH (",
            "  'connector' = 'datagen', 'rows-per-second' = '1000',",
            "  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "');",
            "CREATE TABLE out_t (id BIGINT, doubled BIGINT) WITH (",
            "  'connector' = 'filesystem', 'path' = '" + out + "', 'format' = 'csv');",
            "INSERT INTO out_t SELECT id, id * 2 FROM src;");
    }

    private Process start(Path script, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-cp", System.getProperty("java.class.path"), WeirCli.class.getName()));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("-f", script.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("client-" + System.nanoTime() + ".log").toFile())
            .start();
    }

    /** The highest-numbered chk-n directory with a _metadata file, over all job directories. */
    private Optional<Path> latestCheckpoint() throws IOException {
        Path root = dir.resolve("checkpoints");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(root, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("_metadata"))
                .map(Path::getParent)
                .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return Optional.empty(); // a subsumed checkpoint was deleted while walking: look again
        }
    }

    private static List<String> committedLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        return lines;
    }

    @Test
    void whenTheClientIsKilledMidRunAndRestartedFromTheLatestCheckpoint_thenTheCommittedOutputEqualsAFailureFreeRun()
        throws Exception {
        Path out = dir.resolve("out");
        Path script = dir.resolve("job.sql");
        Files.writeString(script, job(out));
        Process first = start(script);
        long deadline = System.currentTimeMillis() + 20_000;
        while (latestCheckpoint().map(p -> Long.parseLong(p.getFileName().toString().substring(4)) < 5).orElse(true)) {
            assertTrue(System.currentTimeMillis() < deadline && first.isAlive(), "no checkpoint while the job ran");
            Thread.sleep(20);
        }
        first.destroyForcibly(); // SIGKILL
        first.waitFor(10, TimeUnit.SECONDS);
        List<String> before = committedLines(out);
        assertTrue(before.size() > 0 && before.size() < ROWS, "killed mid-run: " + before.size() + " rows committed");

        Path chk = latestCheckpoint().orElseThrow();
        Process second = start(script, "-s", chk.toString());
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the restored run ended");
        assertEquals(0, second.exitValue(), () -> {
            try (Stream<Path> logs = Files.list(dir)) {
                return logs.filter(p -> p.getFileName().toString().startsWith("client-")).map(p -> {
                    try {
                        return Files.readString(p);
                    } catch (IOException e) {
                        return e.toString();
                    }
                }).reduce("", String::concat);
            } catch (IOException e) {
                return e.toString();
            }
        });
        List<String> expected = new ArrayList<>(LongStream.rangeClosed(1, ROWS).mapToObj(i -> i + "," + 2 * i).toList());
        expected.sort(null);
        assertEquals(expected, committedLines(out));
    }

    @Test
    void whenACheckpointOptionCombinationIsInvalid_thenSetRefusesItNamingTheKeys() throws Exception {
        Path script = dir.resolve("bad.sql");
        Files.writeString(script, String.join("\n",
            "SET 'execution.checkpointing.max-concurrent-checkpoints' = '2';",
            "SET 'execution.checkpointing.min-pause' = '1 s';"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WeirCli.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "-f", script.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code);
        assertTrue(e.contains("execution.checkpointing.min-pause") && e.contains("max-concurrent-checkpoints"), e);
    }

    @Test
    void whenSubtasksPerChannelStateFileIsNotPositive_thenItIsRefused_butOtherValuesAreAccepted() throws Exception {
        Path script = dir.resolve("unaligned.sql");
        Files.writeString(script, String.join("\n",
            "SET 'execution.checkpointing.unaligned.max-subtasks-per-channel-state-file' = '2';",
            "SET 'execution.checkpointing.unaligned.max-subtasks-per-channel-state-file' = '0';"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WeirCli.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "-f", script.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code);
        assertTrue(e.contains("max-subtasks-per-channel-state-file") && e.contains("channel-state file"), e);
        assertTrue(e.contains("line 2") || e.contains(":2"), "the second statement failed: " + e);
    }

    @Test
    void whenStorageOptionsAreSwitchedOn_thenSetAcceptsThem() throws Exception {
        Path script = dir.resolve("storage.sql");
        Files.writeString(script, String.join("\n",
            "SET 'execution.checkpointing.incremental' = 'true';",
            "SET 'execution.checkpointing.local-backup.enabled' = 'true';",
            "SET 'execution.checkpointing.local-backup.dirs' = '" + dir.resolve("local").toUri() + "';",
            "SET 'execution.checkpointing.file-merging.enabled' = 'true';",
            "SET 'execution.checkpointing.file-merging.across-checkpoint-boundary' = 'true';",
            "SET 'execution.checkpointing.file-merging.max-file-size' = '8 mb';",
            "SET 'execution.checkpointing.file-merging.max-space-amplification' = '3';",
            "SET 'execution.checkpointing.file-merging.pool-blocking' = 'true';",
            "SET 'execution.checkpointing.interval-during-backlog' = '0 ms';"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WeirCli.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "-f", script.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }
}
