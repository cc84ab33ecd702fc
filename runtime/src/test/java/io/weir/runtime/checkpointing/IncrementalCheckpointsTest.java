package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointStatsRecord;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.CheckpointStatus;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.storage.MetadataFiles;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution.checkpointing.incremental: true} with the RocksDB backend in a running job: later
 * checkpoints upload only new SST files, {@code shared/} holds exactly the files the retained
 * checkpoints (and the shared-state registry) refer to, and a job restores from incremental
 * checkpoints, also at another parallelism.
 */
class IncrementalCheckpointsTest {
    private static final String JOB = "incremental";

    @TempDir
    Path dir;

    private Configuration conf() {
        Configuration c = new Configuration();
        c.setString("state.backend.type", "rocksdb");
        c.setString("execution.checkpointing.incremental", "true");
        c.setString("execution.checkpointing.interval", "100 ms");
        c.setString("execution.checkpointing.num-retained", "2");
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        c.setString("execution.checkpointing.dir", dir.toUri().toString());
        return c;
    }

    @Test
    void whenStateStopsChanging_thenLaterCheckpointsUploadOnlyNewFiles_andSharedFilesMatchTheRegistry() throws Exception {
        TestJob.Store store = new TestJob.Store();
        Map<String, Integer> references;
        CheckpointStatsSnapshot stats;
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph(JOB, conf(), 6_000, false, 6_000, TestJob.Failures.none(), store), JOB);
            awaitCompletedAfter(job, 12_000, store, 4);
            job.cancel();
            assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(30)));
            references = ((RecoverableJob) job).sharedStateReferences();
            stats = CheckpointedJobs.checkpointStats(job).orElseThrow();
        }
        List<CheckpointStatsRecord> completed = stats.history().stream()
            .filter(r -> r.status() == CheckpointStatus.COMPLETED)
            .sorted(java.util.Comparator.comparingLong(CheckpointStatsRecord::checkpointId)).toList();
        CheckpointStatsRecord latest = completed.get(completed.size() - 1);
        long largestUpload = completed.stream().mapToLong(CheckpointStatsRecord::checkpointedSize).max().orElseThrow();
        // what remains per subtask is RocksDB's private files (OPTIONS ~20 kb, MANIFEST, CURRENT)
        assertTrue(latest.checkpointedSize() * 3 < latest.stateSize(),
            "the state no longer changes, so the latest checkpoint uploads little: " + latest);
        assertTrue(latest.checkpointedSize() * 3 < largestUpload, "latest " + latest + " vs largest upload " + largestUpload);

        List<CheckpointMetadata> retained = retainedCheckpoints();
        for (int i = 0; i < 100 && retained.size() > 2; i++) {
            Thread.sleep(50); // subsumed checkpoints are deleted asynchronously
            retained = retainedCheckpoints();
        }
        assertEquals(2, retained.size(), "num-retained");
        Map<String, Integer> expectedReferences = new TreeMap<>();
        Set<Path> referencedFiles = new TreeSet<>();
        for (CheckpointMetadata m : retained) {
            for (IncrementalKeyedStateHandle h : incrementalHandles(m)) {
                for (IncrementalKeyedStateHandle.HandleAndLocalPath f : h.sharedState()) {
                    expectedReferences.merge(h.registryKey(f.localPath()), 1, Integer::sum);
                    if (f.handle() instanceof FileStateHandle file) {
                        referencedFiles.add(file.getFilePath());
                    }
                }
            }
        }
        assertFalse(expectedReferences.isEmpty());
        assertEquals(expectedReferences, references, "registry reference counts vs the retained checkpoints' _metadata");
        assertEquals(referencedFiles, awaitSharedFiles(referencedFiles), "files in shared/ vs the retained checkpoints");
    }

    @Test
    void whenRestoredFromAnIncrementalCheckpointAtAnotherParallelism_thenTheStateIsComplete() throws Exception {
        TestJob.Store store = new TestJob.Store();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph(JOB, conf(), 1_000, false, 20, TestJob.Failures.none(), store), JOB);
            awaitCompletedAfter(job, 2_000, store, 2);
            job.cancel();
            job.await(Duration.ofSeconds(30));
        }
        CheckpointMetadata latest = retainedCheckpoints().get(1);
        assertFalse(incrementalHandles(latest).isEmpty());
        Path pointer = dir.resolve(JOB).resolve("chk-" + latest.checkpointId());
        // restore at parallelism 3 and continue to 2,000 rows per split: counts continue from the checkpoint
        Configuration c = conf();
        c.setString("execution.state-recovery.path", pointer.toUri().toString());
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "NO_EXTERNALIZED_CHECKPOINTS");
        TestJob.Store restored = new TestJob.Store();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph(JOB + "-2", c, 2_000, true, 20, TestJob.Failures.none(), restored, 3),
                JOB + "-2");
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));
        }
        // the last line per key is its total over all 2,000 rows of its split: nothing lost with the rescale
        Map<String, List<String>> expected = TestJob.expected(2_000, 20);
        Map<String, List<String>> actual = restored.perKey();
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            List<String> e = expected.get(k);
            List<String> a = actual.get(k);
            assertEquals(e.get(e.size() - 1), a.get(a.size() - 1), "key " + k);
        }
    }

    /** Waits until {@code rows} rows are committed, then for {@code more} further completed checkpoints. */
    static void awaitCompletedAfter(JobClient job, int rows, TestJob.Store store, int more) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (store.committed().size() < rows) {
            assertTrue(System.nanoTime() < deadline, "committed " + store.committed().size() + " of " + rows);
            Thread.sleep(20);
        }
        long base = CheckpointedJobs.checkpointStats(job).orElseThrow().completed();
        while (CheckpointedJobs.checkpointStats(job).orElseThrow().completed() < base + more) {
            assertTrue(System.nanoTime() < deadline, "checkpoints: " + CheckpointedJobs.checkpointStats(job).orElseThrow());
            Thread.sleep(20);
        }
    }

    private List<CheckpointMetadata> retainedCheckpoints() throws Exception {
        List<CheckpointMetadata> result = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir.resolve(JOB))) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith("chk-")).toList()) {
                try {
                    result.add(MetadataFiles.read(p.resolve("_metadata")));
                } catch (java.io.IOException e) {
                    // a subsumed checkpoint being deleted
                }
            }
        }
        result.sort(java.util.Comparator.comparingLong(CheckpointMetadata::checkpointId));
        return result;
    }

    static List<IncrementalKeyedStateHandle> incrementalHandles(CheckpointMetadata m) {
        List<IncrementalKeyedStateHandle> result = new ArrayList<>();
        for (OperatorState op : m.operatorStates()) {
            for (OperatorSubtaskState s : op.subtaskStates().values()) {
                result.addAll(s.incrementalKeyedState());
            }
        }
        return result;
    }

    /** The files in {@code shared/}, once deletions of released files (asynchronous) reached {@code expected}. */
    private Set<Path> awaitSharedFiles(Set<Path> expected) throws Exception {
        Set<Path> files = Set.of();
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> list = Files.list(dir.resolve(JOB).resolve("shared"))) {
                files = new TreeSet<>(list.toList());
            }
            if (files.equals(expected)) {
                break;
            }
            Thread.sleep(50);
        }
        return files;
    }
}
