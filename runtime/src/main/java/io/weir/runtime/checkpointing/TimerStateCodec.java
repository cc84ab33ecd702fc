package io.weir.runtime.checkpointing;

import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores an operator subtask's timers (serialized per key group) in the checkpoint as one extra
 * operator-state handle with the reserved state name {@link #STATE_NAME}, and reads them back.
 * Restore strips that handle before the operator's own operator state is restored; timers are
 * then split by key group, so rescaling works as for keyed state.
 *
 * <p>Format: {@code int count, then per key group: int group, int length, bytes}. Any thread.
 */
final class TimerStateCodec {
    static final String STATE_NAME = "__weir_timers__";

    private TimerStateCodec() {
    }

    /** Writes {@code timers} through {@code streams}; null when there are none. */
    static OperatorStateHandle write(Map<Integer, byte[]> timers, CheckpointStreamFactory streams) throws IOException {
        if (timers.isEmpty()) {
            return null;
        }
        CheckpointStateOutputStream stream = streams.createCheckpointStateOutputStream();
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(timers.size());
        for (Map.Entry<Integer, byte[]> e : new TreeMap<>(timers).entrySet()) {
            out.writeInt(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.flush();
        StreamStateHandle handle = stream.closeAndGetHandle();
        return new OperatorStateHandle(Map.of(STATE_NAME,
            new OperatorStateHandle.StateMetaInfo(new long[] {0}, OperatorStateHandle.Mode.UNION)), handle);
    }

    static boolean isTimerHandle(OperatorStateHandle handle) {
        return handle.getStateNameToPartitionOffsets().containsKey(STATE_NAME);
    }

    /** Reads the timers of one handle written by {@link #write}. */
    static Map<Integer, byte[]> read(OperatorStateHandle handle) throws IOException {
        Map<Integer, byte[]> timers = new HashMap<>();
        try (InputStream in = handle.getDelegateStateHandle().openInputStream()) {
            DataInputStream data = new DataInputStream(in);
            int n = data.readInt();
            for (int i = 0; i < n; i++) {
                int group = data.readInt();
                byte[] bytes = new byte[data.readInt()];
                data.readFully(bytes);
                timers.put(group, bytes);
            }
        }
        return timers;
    }
}
