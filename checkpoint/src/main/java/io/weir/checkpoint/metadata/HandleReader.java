package io.weir.checkpoint.metadata;

import static io.weir.checkpoint.metadata.HandleWriter.*;

import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle.HandleAndLocalPath;
import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.KeyGroupRangeOffsets;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the body written by {@link HandleWriter}. */
final class HandleReader {
    private final DataInputDeserializer in;
    private final Path baseDir;

    HandleReader(DataInputDeserializer in, Path baseDir) {
        this.in = in;
        this.baseDir = baseDir;
    }

    CheckpointMetadata readMetadata() throws IOException {
        String jobId = in.readUTF();
        long id = in.readLong();
        CheckpointKind kind = CheckpointKind.values()[in.readByte()];
        long trigger = in.readLong();
        long completion = in.readLong();
        List<OperatorState> ops = MetadataSerializer.readList(in, this::readOperatorState);
        return new CheckpointMetadata(jobId, id, kind, trigger, completion, ops);
    }

    private OperatorState readOperatorState() throws IOException {
        OperatorState op = new OperatorState(in.readUTF(), in.readInt(), in.readInt());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            int subtask = in.readInt();
            op.putState(subtask, readSubtaskState());
        }
        int finished = in.readInt();
        for (int i = 0; i < finished; i++) {
            op.markFinished(in.readInt());
        }
        return op;
    }

    private OperatorSubtaskState readSubtaskState() throws IOException {
        List<KeyedStateHandle> keyed = MetadataSerializer.readList(in, this::readKeyed);
        List<OperatorStateHandle> operator = MetadataSerializer.readList(in, this::readOperator);
        List<ChannelStateHandle> input = MetadataSerializer.readList(in, this::readChannel);
        List<ChannelStateHandle> output = MetadataSerializer.readList(in, this::readChannel);
        return new OperatorSubtaskState(keyed, operator, input, output);
    }

    private KeyedStateHandle readKeyed() throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case KEY_GROUPS: {
                KeyGroupRange range = KeyGroupRange.of(in.readInt(), in.readInt());
                long[] offsets = new long[Math.max(0, range.getNumberOfKeyGroups())];
                for (int i = 0; i < offsets.length; i++) {
                    offsets[i] = in.readLong();
                }
                return new KeyGroupsStateHandle(new KeyGroupRangeOffsets(range, offsets), readStream());
            }
            case INCREMENTAL: {
                String backendId = in.readUTF();
                long checkpointId = in.readLong();
                KeyGroupRange range = KeyGroupRange.of(in.readInt(), in.readInt());
                long checkpointedSize = in.readLong();
                List<HandleAndLocalPath> shared = MetadataSerializer.readList(in, this::readFile);
                List<HandleAndLocalPath> privateFiles = MetadataSerializer.readList(in, this::readFile);
                return new IncrementalKeyedStateHandle(backendId, checkpointId, range, shared, privateFiles, readStream(),
                    checkpointedSize);
            }
            case JAVA_SERIALIZED:
                return (KeyedStateHandle) readJava();
            default:
                throw new IOException("unknown keyed state handle type " + tag);
        }
    }

    private HandleAndLocalPath readFile() throws IOException {
        return new HandleAndLocalPath(in.readUTF(), readStream());
    }

    private OperatorStateHandle readOperator() throws IOException {
        int n = in.readInt();
        Map<String, OperatorStateHandle.StateMetaInfo> infos = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            OperatorStateHandle.Mode mode = OperatorStateHandle.Mode.values()[in.readByte()];
            infos.put(name, new OperatorStateHandle.StateMetaInfo(readLongs(), mode));
        }
        return new OperatorStateHandle(infos, readStream());
    }

    private ChannelStateHandle readChannel() throws IOException {
        ChannelStateHandle.Kind kind = ChannelStateHandle.Kind.values()[in.readByte()];
        int gate = in.readInt();
        int channel = in.readInt();
        long[] offsets = readLongs();
        long size = in.readLong();
        return new ChannelStateHandle(kind, gate, channel, readStream(), offsets, size);
    }

    private long[] readLongs() throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 8) {
            throw new IOException("bad offset count " + n);
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private StreamStateHandle readStream() throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case BYTES: {
                String name = in.readUTF();
                return new ByteStreamStateHandle(name, readBytes());
            }
            case ABSOLUTE_FILE:
                return new FileStateHandle(Paths.get(in.readUTF()), in.readLong());
            case RELATIVE_FILE: {
                String relative = in.readUTF();
                if (baseDir == null) {
                    throw new IOException("relative state file '" + relative + "' but no base directory to resolve it against");
                }
                return new FileStateHandle(baseDir.resolve(relative), in.readLong());
            }
            case ABSOLUTE_SEGMENT:
                return new io.weir.checkpoint.storage.SegmentFileStateHandle(Paths.get(in.readUTF()), in.readLong(), in.readLong());
            case RELATIVE_SEGMENT: {
                String relative = in.readUTF();
                if (baseDir == null) {
                    throw new IOException("relative state file '" + relative + "' but no base directory to resolve it against");
                }
                return new io.weir.checkpoint.storage.SegmentFileStateHandle(baseDir.resolve(relative), in.readLong(), in.readLong());
            }
            case JAVA_SERIALIZED:
                return (StreamStateHandle) readJava();
            default:
                throw new IOException("unknown stream state handle type " + tag);
        }
    }

    private byte[] readBytes() throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad byte count " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    private Object readJava() throws IOException {
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(readBytes()))) {
            return ois.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("state handle class not found: " + e.getMessage(), e);
        }
    }
}
