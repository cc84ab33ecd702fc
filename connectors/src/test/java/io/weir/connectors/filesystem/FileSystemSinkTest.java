package io.weir.connectors.filesystem;

import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.Committer;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.PrecommittingSinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.TransactionIds;
import io.weir.runtime.connector.TwoPhaseCommitSink;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.weir.connectors.format.FormatTestSupport.map;
import static org.junit.jupiter.api.Assertions.*;

/** The file sink's two-phase commit, step by step, as the runtime drives it. */
class FileSystemSinkTest {
    static final RowType T = RowType.of(new String[] {"id", "name"}, new DataType[] {DataType.integer(), DataType.string()});

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private TwoPhaseCommitSink<FileCommittable, String> sink(RowType type, List<String> partitionKeys, String... extra) {
        List<String> opts = new ArrayList<>(List.of("connector", "filesystem", "path", dir.toString(), "format", "csv"));
        opts.addAll(List.of(extra));
        TableContext ctx = TestContexts.table("out", type, map(opts.toArray(new String[0])), partitionKeys);
        return (TwoPhaseCommitSink<FileCommittable, String>) FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx)
            .createSink(ctx);
    }

    private List<String> visibleLines() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted().collect(Collectors.toList())) {
                lines.addAll(Files.readAllLines(p));
            }
            return lines;
        }
    }

    private long hiddenFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void shouldMakeFilesPendingAtCheckpointAndVisibleOnlyAfterNotify() throws Exception {
        var sink = sink(T, List.of());
        var writer = sink.createWriter(TestContexts.sink(0, -1), List.of());
        Committer<FileCommittable> committer = sink.createCommitter(TestContexts.sink(0, -1));
        committer.abortUncovered(TestContexts.sink(0, -1), List.of());
        writer.write(Row.of(1, "a"));
        writer.write(Row.of(2, "b"));
        writer.flush(false);
        assertEquals(List.of(), visibleLines(), "in progress: nothing visible");
        assertEquals(1, hiddenFiles());

        List<FileCommittable> pending1 = writer.prepareCommit(1);
        assertEquals(1, pending1.size());
        assertTrue(Path.of(pending1.get(0).pendingPath()).getFileName().toString().endsWith(TransactionIds.of("job1", "sink", 0, 1)));
        writer.write(Row.of(3, "c"));
        assertEquals(List.of(), visibleLines(), "pending after the checkpoint, still invisible");

        committer.commit(pending1);
        assertEquals(List.of("1,a", "2,b"), visibleLines(), "committed after notifyCheckpointComplete(1)");
        committer.commit(pending1);
        assertEquals(List.of("1,a", "2,b"), visibleLines(), "committing again is a no-op");

        List<FileCommittable> pending2 = writer.prepareCommit(2);
        committer.commit(pending2);
        writer.close();
        assertEquals(List.of("1,a", "2,b", "3,c"), visibleLines());
        assertEquals(0, hiddenFiles());
    }

    @Test
    void whenCrashAfterCheckpoint_thenRestoreCommitsItsPendingFilesAndDiscardsTheRest() throws Exception {
        var sink = sink(T, List.of());
        var writer = sink.createWriter(TestContexts.sink(0, -1), List.of());
        writer.write(Row.of(1, "a"));
        List<FileCommittable> pendingOf1 = writer.prepareCommit(1); // checkpoint 1 completes, but the notify is lost
        writer.write(Row.of(2, "b"));
        List<FileCommittable> pendingOf2 = writer.prepareCommit(2); // checkpoint 2 never completes
        writer.write(Row.of(3, "c"));
        writer.flush(false);
        // crash: the writer is gone without close()
        assertEquals(3, hiddenFiles());
        assertEquals(1, pendingOf2.size());

        byte[] state = sink.committableSerializer().serializeToBytes(pendingOf1.get(0));
        List<FileCommittable> restored = List.of(sink.committableSerializer().deserializeFromBytes(state));
        Committer<FileCommittable> committer = sink.createCommitter(TestContexts.sink(0, 1));
        committer.commit(restored);
        committer.abortUncovered(TestContexts.sink(0, 1), restored);
        assertEquals(List.of("1,a"), visibleLines());
        assertEquals(0, hiddenFiles(), "uncommitted files of checkpoint 2 and the open file are discarded");

        var again = sink.createWriter(TestContexts.sink(0, 1), List.of());
        again.write(Row.of(2, "b"));
        committer.commit(again.prepareCommit(2));
        again.close();
        assertEquals(List.of("1,a", "2,b"), visibleLines().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void whenAbortingUncovered_thenOtherSubtasksFilesAreKept() throws Exception {
        var sink = sink(T, List.of());
        var other = sink.createWriter(TestContexts.sink(1, -1), List.of());
        other.write(Row.of(9, "z"));
        other.flush(false);
        sink.createCommitter(TestContexts.sink(0, 5)).abortUncovered(TestContexts.sink(0, 5), List.of());
        assertEquals(1, hiddenFiles(), "subtask 1 still exists at parallelism 2");
        other.close();
    }

    @Test
    void whenScaledDown_thenSubtaskZeroAbortsFilesOfSubtasksThatNoLongerExist() throws Exception {
        var sink = sink(T, List.of());
        var gone = sink.createWriter(TestContexts.sink(3, -1), List.of());
        gone.write(Row.of(9, "z"));
        gone.flush(false);
        sink.createCommitter(TestContexts.sink(1, 0)).abortUncovered(TestContexts.sink(1, 0), List.of());
        assertEquals(1, hiddenFiles(), "only subtask 0 cleans up after removed subtasks");
        sink.createCommitter(TestContexts.sink(0, 0)).abortUncovered(TestContexts.sink(0, 0), List.of());
        assertEquals(0, hiddenFiles());
        gone.close();
    }

    @Test
    void whenNoCheckpointing_thenFilesAreCommittedAtEndOfInput() throws Exception {
        var sink = sink(T, List.of());
        var writer = sink.createWriter(TestContexts.sink(0, -1), List.of());
        writer.write(Row.of(1, "a"));
        writer.flush(true);
        sink.createCommitter(TestContexts.sink(0, -1)).commit(writer.prepareCommit(TransactionIds.END_OF_INPUT));
        writer.close();
        assertEquals(List.of("1,a"), visibleLines());
    }

    @Test
    void whenFileReachesRollingSize_thenItRollsIntoSeveralParts() throws Exception {
        var sink = sink(T, List.of(), "sink.rolling-policy.file-size", "10b");
        PrecommittingSinkWriter<FileCommittable, String> writer = sink.createWriter(TestContexts.sink(0, -1), List.of());
        for (int i = 0; i < 5; i++) {
            writer.write(Row.of(i, "row-number-" + i));
        }
        List<FileCommittable> pending = writer.prepareCommit(1);
        assertEquals(5, pending.size(), "each row passes 10 bytes");
        sink.createCommitter(TestContexts.sink(0, -1)).commit(pending);
        assertEquals(5, visibleLines().size());
    }

    @Test
    void whenPartitioned_thenRowsGoToKeyValueDirectories() throws Exception {
        RowType t = RowType.of(new String[] {"id", "region", "name"},
            new DataType[] {DataType.integer(), DataType.string(), DataType.string()});
        var sink = sink(t, List.of("region"));
        var writer = sink.createWriter(TestContexts.sink(0, -1), List.of());
        writer.write(Row.of(1, "eu", "a"));
        writer.write(Row.of(2, "us/west", "b"));
        writer.write(Row.of(3, null, "c"));
        sink.createCommitter(TestContexts.sink(0, -1)).commit(writer.prepareCommit(1));
        writer.close();
        assertEquals(List.of("1,a"), Files.list(dir.resolve("region=eu")).flatMap(FileSystemSinkTest::lines).collect(Collectors.toList()));
        assertTrue(Files.isDirectory(dir.resolve("region=us%2Fwest")));
        assertTrue(Files.isDirectory(dir.resolve("region=__DEFAULT_PARTITION__")));
        List<Row> back = TestContexts.readAll(FileSystemSourceTest.source(t, List.of("region"), "connector", "filesystem",
            "path", dir.toString(), "format", "csv"), new TestContexts.Source());
        back.sort(java.util.Comparator.comparing(r -> (Integer) r.getField(0)));
        assertEquals(List.of(Row.of(1, "eu", "a"), Row.of(2, "us/west", "b"), Row.of(3, null, "c")), back);
    }

    @Test
    void shouldRoundTripAChangelogThroughDebeziumJsonFiles() throws Exception {
        TableContext ctx = TestContexts.table("cl", T, map("connector", "filesystem", "path", dir.toString(), "format", "debezium-json"));
        @SuppressWarnings("unchecked")
        var sink = (TwoPhaseCommitSink<FileCommittable, String>) FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
        assertEquals(io.weir.runtime.connector.ChangelogMode.all(), sink.acceptedChangelogMode());
        var writer = sink.createWriter(TestContexts.sink(0, -1), List.of());
        List<Row> changelog = List.of(Row.of(1, "a"), Row.ofKind(io.weir.runtime.data.RowKind.UPDATE_BEFORE, 1, "a"),
            Row.ofKind(io.weir.runtime.data.RowKind.UPDATE_AFTER, 1, "b"), Row.ofKind(io.weir.runtime.data.RowKind.DELETE, 1, "b"));
        for (Row r : changelog) {
            writer.write(r);
        }
        sink.createCommitter(TestContexts.sink(0, -1)).commit(writer.prepareCommit(1));
        writer.close();
        assertEquals(changelog, TestContexts.readAll(FileSystemSourceTest.source(T, List.of(), "connector", "filesystem",
            "path", dir.toString(), "format", "debezium-json"), new TestContexts.Source()));
    }

    @Test
    void shouldWriteReadableAvroContainerFiles() throws Exception {
        var sink = sink(T, List.of());
        TableContext ctx = TestContexts.table("av", T, map("connector", "filesystem", "path", dir.toString(), "format", "avro"));
        @SuppressWarnings("unchecked")
        var avroSink = (TwoPhaseCommitSink<FileCommittable, String>) FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
        var writer = avroSink.createWriter(TestContexts.sink(0, -1), List.of());
        writer.write(Row.of(1, "a"));
        writer.write(Row.of(2, null));
        List<FileCommittable> pending = writer.prepareCommit(1);
        avroSink.createCommitter(TestContexts.sink(0, -1)).commit(pending);
        writer.close();
        assertTrue(pending.get(0).finalPath().endsWith(".avro"));
        assertEquals(List.of(Row.of(1, "a"), Row.of(2, null)), TestContexts.readAll(FileSystemSourceTest.source(T, List.of(),
            "connector", "filesystem", "path", dir.toString(), "format", "avro"), new TestContexts.Source()));
        var projected = ((io.weir.runtime.connector.SupportsProjectionPushDown<FileSplit>) FileSystemSourceTest.source(T, List.of(),
            "connector", "filesystem", "path", dir.toString(), "format", "avro")).applyProjection(new int[] {1});
        assertEquals(List.of(Row.of("a"), Row.of((Object) null)), TestContexts.readAll(projected, new TestContexts.Source()),
            "a projected Avro reader schema");
        assertNotNull(sink);
    }

    private static Stream<String> lines(Path p) {
        try {
            return Files.readAllLines(p).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
