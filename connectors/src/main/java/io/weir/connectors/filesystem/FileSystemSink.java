package io.weir.connectors.filesystem;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.connectors.format.FileFormat;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.Committer;
import io.weir.runtime.connector.PrecommittingSinkWriter;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.TwoPhaseCommitSink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The exactly-once filesystem sink. Rows go to hidden in-progress part files
 * ({@code .part-<attempt>-<subtask>-<n><ext>.inprogress.<transaction id>}); at each checkpoint
 * every open file is closed and fsynced and becomes pending (a {@link FileCommittable} kept in the
 * checkpoint); on {@code notifyCheckpointComplete} pending files are renamed atomically to their
 * visible names ({@code part-<attempt>-<subtask>-<n><ext>}). After a restore, pending files of
 * the restored checkpoint are committed (again, idempotently) and this subtask's in-progress files
 * of later transactions are deleted. Files roll by size and age between checkpoints.
 *
 * <p>Maintenance note: files are closed at every checkpoint (a part file never spans two
 * checkpoints), so there is no writer state to restore; the price is more, smaller files with
 * frequent checkpoints.
 */
public final class FileSystemSink implements TwoPhaseCommitSink<FileCommittable, String> {
    private final Path root;
    private final FileFormat format;
    private final Partitions partitions;
    private final boolean changelog;
    private final long rollingSize;
    private final Duration rolloverInterval;

    FileSystemSink(Path root, FileFormat format, Partitions partitions, boolean changelog, long rollingSize,
                   Duration rolloverInterval) {
        this.root = root;
        this.format = format;
        this.partitions = partitions;
        this.changelog = changelog;
        this.rollingSize = rollingSize;
        this.rolloverInterval = rolloverInterval;
    }

    @Override
    public ChangelogMode acceptedChangelogMode() {
        return changelog ? ChangelogMode.all() : ChangelogMode.insertOnly();
    }

    @Override
    public PrecommittingSinkWriter<FileCommittable, String> createWriter(SinkContext context, List<String> restoredState) {
        return new FileSinkWriter(root, format, partitions, context, rollingSize, rolloverInterval);
    }

    @Override
    public Committer<FileCommittable> createCommitter(SinkContext context) {
        return new FileCommitter(root);
    }

    @Override
    public TypeSerializer<FileCommittable> committableSerializer() {
        return FileCommittableSerializer.INSTANCE;
    }

    /** The writer keeps no state across checkpoints (see the class comment); this serializer is never fed. */
    @Override
    public TypeSerializer<String> writerStateSerializer() {
        return new TypeSerializer<>() {
            @Override
            public void serialize(String value, DataOutputView out) throws IOException {
                FileCommittableSerializer.writeString(out, value);
            }

            @Override
            public String deserialize(DataInputView in) throws IOException {
                return FileCommittableSerializer.readString(in);
            }

            @Override
            public String copy(String value) {
                return value;
            }
        };
    }
}
