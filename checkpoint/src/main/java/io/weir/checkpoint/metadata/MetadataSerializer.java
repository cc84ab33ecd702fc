package io.weir.checkpoint.metadata;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary {@code _metadata} format. Layout: magic {@code "WEIR"} + {@code "META"} (8 bytes),
 * format version (int), body length (int), body, CRC-32 of the body (long). A reader can therefore
 * tell a foreign file (magic), a newer format (version), a truncated file (length) and a corrupt
 * one (checksum) apart, and says which in an error that names the file.
 *
 * <p>State files inside the checkpoint's own directory are recorded relative to it, so a
 * checkpoint or savepoint directory can be moved or copied and still be restored.
 */
public final class MetadataSerializer {
    public static final long MAGIC = 0x5745_4952_4d45_5441L; // "WEIRMETA"
    public static final int VERSION = 1;
    private static final int HEADER = 8 + 4 + 4;

    private MetadataSerializer() {
    }

    /**
     * Serializes {@code metadata}. {@code baseDir} is the directory the {@code _metadata} file goes
     * into (null for in-memory storage); files under it are written as relative paths.
     */
    public static byte[] serialize(CheckpointMetadata metadata, Path baseDir) throws IOException {
        DataOutputSerializer body = new DataOutputSerializer(4096);
        new HandleWriter(body, baseDir).writeMetadata(metadata);
        CRC32 crc = new CRC32();
        crc.update(body.getSharedBuffer(), 0, body.length());
        DataOutputSerializer out = new DataOutputSerializer(body.length() + HEADER + 8);
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(body.length());
        out.write(body.getSharedBuffer(), 0, body.length());
        out.writeLong(crc.getValue());
        return out.toByteArray();
    }

    /**
     * Reads metadata written by {@link #serialize}. {@code source} names the file in errors;
     * {@code baseDir} resolves relative state file paths (the directory the file was read from).
     */
    public static CheckpointMetadata deserialize(byte[] bytes, String source, Path baseDir) throws MetadataFormatException {
        if (bytes.length < 8) {
            throw new MetadataFormatException("Checkpoint metadata file " + source + " is truncated (" + bytes.length
                + " bytes, not even a header)");
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        try {
            if (in.readLong() != MAGIC) {
                throw new MetadataFormatException("File " + source + " is not a Weir checkpoint metadata file (wrong magic number)");
            }
            if (bytes.length < HEADER) {
                throw new MetadataFormatException("Checkpoint metadata file " + source + " is truncated (" + bytes.length + " bytes)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new MetadataFormatException("Checkpoint metadata file " + source + " has format version " + version
                    + ", this Weir reads version " + VERSION);
            }
            int length = in.readInt();
            if (length < 0 || (long) HEADER + length + 8 > bytes.length) {
                throw new MetadataFormatException("Checkpoint metadata file " + source + " is truncated: header announces "
                    + length + " bytes of content, file has " + bytes.length + " bytes in total");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, HEADER, length);
            DataInputDeserializer tail = new DataInputDeserializer(bytes, HEADER + length, 8);
            if (tail.readLong() != crc.getValue()) {
                throw new MetadataFormatException("Checkpoint metadata file " + source + " is corrupt (checksum mismatch)");
            }
            return new HandleReader(new DataInputDeserializer(bytes, HEADER, length), baseDir).readMetadata();
        } catch (MetadataFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new MetadataFormatException("Checkpoint metadata file " + source + " is truncated", e);
        } catch (IOException | RuntimeException e) {
            throw new MetadataFormatException("Checkpoint metadata file " + source + " is corrupt: " + e.getMessage(), e);
        }
    }

    static <T> List<T> readList(DataInputDeserializer in, IoReader<T> reader) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative list length " + n);
        }
        List<T> list = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            list.add(reader.read());
        }
        return list;
    }

    interface IoReader<T> {
        T read() throws IOException;
    }
}
