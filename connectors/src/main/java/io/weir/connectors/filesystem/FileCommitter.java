package io.weir.connectors.filesystem;

import io.weir.runtime.connector.Committer;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.TransactionIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Commits pending part files by atomic rename; aborts a subtask's uncovered in-progress files by deleting them. */
final class FileCommitter implements Committer<FileCommittable> {
    private final Path root;

    FileCommitter(Path root) {
        this.root = root;
    }

    @Override
    public void commit(List<FileCommittable> committables) throws IOException {
        for (FileCommittable c : committables) {
            Path pending = Path.of(c.pendingPath());
            Path target = Path.of(c.finalPath());
            if (Files.exists(pending)) {
                try {
                    Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("cannot commit " + target + ": the file system cannot rename atomically", e);
                }
            } else if (!Files.exists(target)) {
                throw new IOException("cannot commit " + target + ": neither it nor its pending file " + pending
                    + " exists (was the pending file deleted?)");
            }
        }
    }

    /**
     * True for a transaction of this job and sink that no completed checkpoint covers, written by
     * this subtask or (for subtask 0, after the sink was scaled down) by a subtask that no longer
     * exists. A file of transaction {@code t} is pre-committed at a checkpoint {@code >= t}, so
     * every file of a restored checkpoint {@code n} has {@code t <= n}: deleting only {@code t > n}
     * never touches a file another subtask is about to commit.
     */
    private static boolean isUncovered(String txn, SinkContext context) {
        String jobPrefix = TransactionIds.prefix(context.jobId(), context.operatorUid(), 0);
        jobPrefix = jobPrefix.substring(0, jobPrefix.length() - 2); // without the subtask "0-"
        if (!txn.startsWith(jobPrefix)) {
            return false;
        }
        String rest = txn.substring(jobPrefix.length());
        int dash = rest.indexOf('-');
        int subtask;
        long checkpoint;
        try {
            subtask = Integer.parseInt(rest.substring(0, dash));
            checkpoint = Long.parseLong(rest.substring(dash + 1));
        } catch (RuntimeException e) {
            return false; // not one of ours
        }
        boolean owned = subtask == context.subtaskIndex() || (context.subtaskIndex() == 0 && subtask >= context.parallelism());
        return owned && checkpoint > context.restoredCheckpointId();
    }

    @Override
    public void abortUncovered(SinkContext context, List<FileCommittable> pendingRestored) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        for (FileCommittable c : pendingRestored) {
            keep.add(c.pendingPath());
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = p.getFileName().toString();
                int at = name.indexOf(FileSinkWriter.IN_PROGRESS);
                if (at >= 0 && !keep.contains(p.toString())
                    && isUncovered(name.substring(at + FileSinkWriter.IN_PROGRESS.length()), context)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
