package io.weir.checkpoint.storage;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.MetadataSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes {@code _metadata} atomically and reads it back. A checkpoint directory either has a
 * complete {@code _metadata} or none: the bytes go to a temporary name, are fsynced, then renamed,
 * and the directory is fsynced so that the rename itself survives a crash.
 */
public final class MetadataFiles {
    private MetadataFiles() {
    }

    /** Writes {@code metadata} as {@code directory/_metadata}; fails if that file already exists. */
    public static Path writeAtomically(Path directory, CheckpointMetadata metadata) throws IOException {
        Path target = directory.resolve(CheckpointPaths.METADATA_FILE_NAME);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "checkpoint metadata file already exists");
        }
        byte[] bytes = MetadataSerializer.serialize(metadata, directory);
        Path temp = directory.resolve(CheckpointPaths.METADATA_FILE_NAME + ".inprogress." + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + temp + " atomically to " + target, e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncDirectory(directory);
        return target;
    }

    /** Reads and checks a metadata file; errors name the file. */
    public static CheckpointMetadata read(Path metadataFile) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(metadataFile);
        } catch (IOException e) {
            throw new IOException("Cannot read checkpoint metadata file " + metadataFile.toAbsolutePath() + ": " + e, e);
        }
        Path base = metadataFile.toAbsolutePath().getParent();
        return MetadataSerializer.deserialize(bytes, metadataFile.toAbsolutePath().toString(), base);
    }

    private static void fsyncDirectory(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory for fsync; the rename is still atomic there
        }
    }
}
