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

    @Override
    public void abortUncovered(SinkContext context, List<FileCommittable> pendingRestored) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        for (FileCommittable c : pendingRestored) {
            keep.add(c.pendingPath());
        }
        String prefix = TransactionIds.prefix(context.jobId(), context.operatorUid(), context.subtaskIndex());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = p.getFileName().toString();
                int at = name.indexOf(FileSinkWriter.IN_PROGRESS);
                if (at < 0 || keep.contains(p.toString())) {
                    continue;
                }
                String txn = name.substring(at + FileSinkWriter.IN_PROGRESS.length());
                if (txn.startsWith(prefix) && TransactionIds.checkpointIdOf(txn) > context.restoredCheckpointId()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
