package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.KeyGroupRangeOffsets;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes the backend-independent full snapshot format, used by both keyed backends:
 * <pre>
 * header:    int magic 'WEIR' | int version | int #states | per state: {@link StateMeta#write} (name, kind,
 *            TTL ms, serializer identities)
 * per key group of the range, ascending (its offset goes into the handle's index):
 *            int keyGroup | records | short -1
 * record:    short stateIndex | int keyLength | key | int valueLength | value
 * </pre>
 * A record's key is the serialized key and namespace (plus the user key for MAP states); its value
 * is the serialized value (VALUE), the elements joined by {@code ','} (LIST), or a null flag byte
 * and the user value (MAP). Values of TTL states are serialized {@code TtlValue}s. These are the
 * RocksDB backend's own bytes minus the 2-byte key-group prefix, so RocksDB copies them as they are.
 * Used by one thread (the asynchronous snapshot part).
 */
public final class FullSnapshotWriter {
    static final int MAGIC = 0x57454952;
    static final int VERSION = 2;
    static final short END_OF_KEY_GROUP = -1;

    private final CheckpointStateOutputStream stream;
    private final DataOutputStream out;
    private final KeyGroupRangeOffsets offsets;
    private long position;

    public FullSnapshotWriter(CheckpointStateOutputStream stream, KeyGroupRange range, List<StateMeta> states) throws IOException {
        this.stream = stream;
        this.out = new DataOutputStream(new BufferedOutputStream(stream, 64 * 1024));
        this.offsets = new KeyGroupRangeOffsets(range);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(states.size());
        for (StateMeta s : states) {
            s.write(out);
        }
        position = out.size();
    }

    public void beginKeyGroup(int keyGroup) throws IOException {
        offsets.setKeyGroupOffset(keyGroup, position);
        out.writeInt(keyGroup);
        position += 4;
    }

    public void writeRecord(int stateIndex, byte[] key, int keyOffset, int keyLength,
                            byte[] value, int valueOffset, int valueLength) throws IOException {
        out.writeShort(stateIndex);
        out.writeInt(keyLength);
        out.write(key, keyOffset, keyLength);
        out.writeInt(valueLength);
        out.write(value, valueOffset, valueLength);
        position += 2 + 4 + keyLength + 4 + valueLength;
    }

    public void endKeyGroup() throws IOException {
        out.writeShort(END_OF_KEY_GROUP);
        position += 2;
    }

    /** Completes the stream and returns its handle. */
    public KeyGroupsStateHandle finish() throws IOException {
        out.flush();
        StreamStateHandle handle = stream.closeAndGetHandle();
        if (handle == null) {
            throw new IOException("snapshot stream produced no handle although a header was written");
        }
        return new KeyGroupsStateHandle(offsets, handle);
    }
}
