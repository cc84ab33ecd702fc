package io.weir.checkpoint.barrier;

import io.weir.checkpoint.metadata.ChannelStateHandle;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one task's channel state for unaligned checkpoints: the in-flight input buffers that
 * preceded barrier n on each channel, and the output buffers barrier n overtook. All channels of a
 * checkpoint go into one stream; each buffer is written as its length (int) and its bytes, and each
 * channel's {@link ChannelStateHandle} lists the offsets of its buffers in order, so that
 * {@link ChannelStateReader} replays them exactly.
 *
 * <p>Order per checkpoint: {@link #start}, any number of {@code add...} calls, then
 * {@link #finish} or {@link #abort}. Task thread only (the stream itself may buffer inline until the
 * storage's inline threshold).
 */
public final class ChannelStateWriter {
    private final CheckpointStreamFactory streamFactory;
    private final Map<Long, Pending> pending = new HashMap<>();

    /** What {@link #finish} produced for one checkpoint. */
    public record Result(List<ChannelStateHandle> inputChannelState, List<ChannelStateHandle> resultSubpartitionState) {
        public long size() {
            return inputChannelState.stream().mapToLong(ChannelStateHandle::stateSize).sum()
                + resultSubpartitionState.stream().mapToLong(ChannelStateHandle::stateSize).sum();
        }
    }

    private record ChannelKey(ChannelStateHandle.Kind kind, int gate, int channel) {
    }

    private static final class Pending {
        final CheckpointStateOutputStream stream;
        final DataOutputStream out;
        final Map<ChannelKey, List<Long>> offsets = new LinkedHashMap<>();
        final Map<ChannelKey, Long> sizes = new HashMap<>();

        Pending(CheckpointStateOutputStream stream) {
            this.stream = stream;
            this.out = new DataOutputStream(stream);
        }
    }

    public ChannelStateWriter(CheckpointStreamFactory streamFactory) {
        this.streamFactory = streamFactory;
    }

    public void start(long checkpointId) throws IOException {
        if (pending.containsKey(checkpointId)) {
            throw new IllegalStateException("channel state of checkpoint " + checkpointId + " already started");
        }
        pending.put(checkpointId, new Pending(streamFactory.createCheckpointStateOutputStream()));
    }

    /** An input buffer that preceded barrier {@code checkpointId} on input channel {@code channel} of {@code gate}. */
    public void addInputData(long checkpointId, int gate, int channel, byte[] buffer) throws IOException {
        add(checkpointId, new ChannelKey(ChannelStateHandle.Kind.INPUT_CHANNEL, gate, channel), buffer);
    }

    /** An output buffer that barrier {@code checkpointId} overtook in {@code subpartition} of {@code partition}. */
    public void addOutputData(long checkpointId, int partition, int subpartition, byte[] buffer) throws IOException {
        add(checkpointId, new ChannelKey(ChannelStateHandle.Kind.RESULT_SUBPARTITION, partition, subpartition), buffer);
    }

    private void add(long checkpointId, ChannelKey key, byte[] buffer) throws IOException {
        Pending p = pending.get(checkpointId);
        if (p == null) {
            throw new IllegalStateException("channel state of checkpoint " + checkpointId + " was not started (or already finished)");
        }
        p.out.flush();
        p.offsets.computeIfAbsent(key, k -> new ArrayList<>()).add(p.stream.getPos());
        p.out.writeInt(buffer.length);
        p.out.write(buffer);
        p.sizes.merge(key, (long) buffer.length, Long::sum);
    }

    /** Closes the stream of {@code checkpointId} and returns one handle per channel that had data. */
    public Result finish(long checkpointId) throws IOException {
        Pending p = pending.remove(checkpointId);
        if (p == null) {
            throw new IllegalStateException("channel state of checkpoint " + checkpointId + " was not started");
        }
        p.out.flush();
        StreamStateHandle delegate = p.stream.closeAndGetHandle();
        List<ChannelStateHandle> input = new ArrayList<>();
        List<ChannelStateHandle> output = new ArrayList<>();
        for (Map.Entry<ChannelKey, List<Long>> e : p.offsets.entrySet()) {
            ChannelKey k = e.getKey();
            long[] offsets = e.getValue().stream().mapToLong(Long::longValue).toArray();
            ChannelStateHandle h = new ChannelStateHandle(k.kind(), k.gate(), k.channel(), delegate, offsets, p.sizes.get(k));
            (k.kind() == ChannelStateHandle.Kind.INPUT_CHANNEL ? input : output).add(h);
        }
        return new Result(List.copyOf(input), List.copyOf(output));
    }

    /** Drops what was written for {@code checkpointId}. */
    public void abort(long checkpointId) throws IOException {
        Pending p = pending.remove(checkpointId);
        if (p != null) {
            p.stream.close();
        }
    }
}
