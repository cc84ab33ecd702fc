package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the key groups of a {@link FullSnapshotWriter} stream that fall in a given range. */
public final class FullSnapshotReader {

    /** Receives what a restore reads. */
    public interface Visitor {
        /** Called once per handle, before its records, with the states the snapshot holds. */
        void onStates(List<StateMeta> states) throws Exception;

        /** One record; {@code key} and {@code value} are fresh arrays the visitor may keep. */
        void onRecord(StateMeta state, int keyGroup, byte[] key, byte[] value) throws Exception;
    }

    private FullSnapshotReader() {
    }

    /** Reads the part of {@code handle} inside {@code range}; handles of other kinds are rejected. */
    public static void read(KeyedStateHandle handle, KeyGroupRange range, Visitor visitor) throws Exception {
        if (!(handle instanceof KeyGroupsStateHandle groups)) {
            throw new IllegalArgumentException("not supported yet: restoring keyed state from " + handle.getClass().getSimpleName()
                + " into this backend (only full key-group snapshots)");
        }
        KeyGroupRange common = groups.getKeyGroupRange().getIntersection(range);
        if (common.isEmpty()) {
            return;
        }
        try (DataInputStream in = new DataInputStream(
                 new BufferedInputStream(groups.getDelegateStateHandle().openInputStream(), 64 * 1024))) {
            List<StateMeta> states = readHeader(in, groups);
            visitor.onStates(states);
            long headerEnd = headerSize(states);
            long first = groups.getGroupRangeOffsets().getKeyGroupOffset(common.getStartKeyGroup());
            in.skipNBytes(first - headerEnd);
            for (int kg = common.getStartKeyGroup(); kg <= common.getEndKeyGroup(); kg++) {
                readKeyGroup(in, kg, states, visitor, groups);
            }
        }
    }

    private static List<StateMeta> readHeader(DataInputStream in, KeyGroupsStateHandle handle) throws IOException {
        if (in.readInt() != FullSnapshotWriter.MAGIC) {
            throw new IOException("not a Weir keyed snapshot: " + handle.getDelegateStateHandle());
        }
        int version = in.readInt();
        if (version != FullSnapshotWriter.VERSION) {
            throw new IOException("unsupported keyed snapshot version " + version + " in " + handle.getDelegateStateHandle());
        }
        int n = in.readInt();
        List<StateMeta> states = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            states.add(StateMeta.read(in, handle.getDelegateStateHandle()));
        }
        return states;
    }

    /** Byte length of a header; recomputed rather than counted because the stream is buffered. */
    private static long headerSize(List<StateMeta> states) throws IOException {
        DataOutputStream counter = new DataOutputStream(OutputStream.nullOutputStream());
        for (StateMeta s : states) {
            s.write(counter);
        }
        return 12L + counter.size();
    }

    private static void readKeyGroup(DataInputStream in, int kg, List<StateMeta> states, Visitor visitor,
                                     KeyGroupsStateHandle handle) throws Exception {
        int written = in.readInt();
        if (written != kg) {
            throw new IOException("corrupt keyed snapshot " + handle.getDelegateStateHandle() + ": expected key group "
                + kg + " but found " + written);
        }
        while (true) {
            short index = in.readShort();
            if (index == FullSnapshotWriter.END_OF_KEY_GROUP) {
                return;
            }
            byte[] key = new byte[in.readInt()];
            in.readFully(key);
            byte[] value = new byte[in.readInt()];
            in.readFully(value);
            visitor.onRecord(states.get(index), kg, key, value);
        }
    }
}
