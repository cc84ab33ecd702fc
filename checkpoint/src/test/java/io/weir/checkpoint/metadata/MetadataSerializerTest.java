package io.weir.checkpoint.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle.HandleAndLocalPath;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.KeyGroupRangeOffsets;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataSerializerTest {
    private static final Path BASE = Paths.get("/ckpts/job-1/chk-7").toAbsolutePath();

    static CheckpointMetadata sampleMetadata(Path base) {
        KeyGroupsStateHandle keyGroups = new KeyGroupsStateHandle(
            new KeyGroupRangeOffsets(KeyGroupRange.of(0, 2), new long[] {0, 10, 25}),
            new ByteStreamStateHandle("kg", new byte[] {1, 2, 3}));
        IncrementalKeyedStateHandle incremental = new IncrementalKeyedStateHandle("backend-a", 7, KeyGroupRange.of(3, 5),
            List.of(new HandleAndLocalPath("000009.sst", new FileStateHandle(Paths.get("/ckpts/job-1/shared/abc"), 4000))),
            List.of(new HandleAndLocalPath("MANIFEST-000004", new FileStateHandle(base.resolve("m1"), 100))),
            new ByteStreamStateHandle("meta", new byte[] {9}));
        OperatorStateHandle operator = new OperatorStateHandle(
            Map.of("offsets", new OperatorStateHandle.StateMetaInfo(new long[] {0, 8}, OperatorStateHandle.Mode.UNION)),
            new ByteStreamStateHandle("op", new byte[16]));
        ChannelStateHandle channel = new ChannelStateHandle(ChannelStateHandle.Kind.INPUT_CHANNEL, 0, 3,
            new FileStateHandle(base.resolve("channels"), 512), new long[] {0, 256}, 300);
        OperatorState source = new OperatorState("source-uid", 2, 128);
        source.putState(1, new OperatorSubtaskState(List.of(), List.of(operator), List.of(), List.of()));
        source.markFinished(0);
        OperatorState agg = new OperatorState("agg-uid", 2, 128);
        agg.putState(0, new OperatorSubtaskState(List.of(keyGroups, incremental), List.of(), List.of(channel), List.of()));
        return new CheckpointMetadata("job-1", 7, CheckpointKind.CHECKPOINT, 1000, 1500, List.of(source, agg));
    }

    @Test
    void shouldRoundTripEveryHandleType() throws Exception {
        CheckpointMetadata read = MetadataSerializer.deserialize(
            MetadataSerializer.serialize(sampleMetadata(BASE), BASE), "test", BASE);

        assertEquals("job-1", read.jobId());
        assertEquals(7, read.checkpointId());
        assertEquals(1000, read.triggerTimestamp());
        assertEquals(1500, read.completionTimestamp());
        assertEquals(List.of("source-uid", "agg-uid"), read.operatorStates().stream().map(OperatorState::uid).toList());

        OperatorSubtaskState agg = read.operatorState("agg-uid").orElseThrow().state(0);
        KeyGroupsStateHandle kg = assertInstanceOf(KeyGroupsStateHandle.class, agg.keyedState().get(0));
        assertEquals(KeyGroupRange.of(0, 2), kg.getKeyGroupRange());
        assertEquals(25, kg.getGroupRangeOffsets().getKeyGroupOffset(2));
        assertArrayEquals(new byte[] {1, 2, 3}, ((ByteStreamStateHandle) kg.getDelegateStateHandle()).getData());

        IncrementalKeyedStateHandle inc = assertInstanceOf(IncrementalKeyedStateHandle.class, agg.keyedState().get(1));
        assertEquals("backend-a/000009.sst", inc.registryKey(inc.sharedState().get(0).localPath()));
        assertEquals(Paths.get("/ckpts/job-1/shared/abc").toAbsolutePath(),
            ((FileStateHandle) inc.sharedState().get(0).handle()).getFilePath());
        assertEquals(BASE.resolve("m1"), ((FileStateHandle) inc.privateState().get(0).handle()).getFilePath());
        assertEquals(4101, inc.checkpointedSize());

        ChannelStateHandle ch = agg.inputChannelState().get(0);
        assertEquals(3, ch.channelIndex());
        assertArrayEquals(new long[] {0, 256}, ch.offsets());
        assertEquals(300, ch.stateSize());

        OperatorStateHandle op = read.operatorState("source-uid").orElseThrow().state(1).operatorState().get(0);
        assertEquals(OperatorStateHandle.Mode.UNION, op.getStateNameToPartitionOffsets().get("offsets").getMode());
        assertEquals(sampleMetadata(BASE).stateSize(), read.stateSize());
        assertEquals(java.util.Set.of(0), read.operatorState("source-uid").orElseThrow().finishedSubtasks());
        assertFalse(read.operatorState("source-uid").orElseThrow().isFullyFinished());
    }

    @Test
    void whenDirectoryMoves_thenRelativeFilesFollowIt() throws Exception {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata(BASE), BASE);
        Path moved = Paths.get("/elsewhere/chk-7").toAbsolutePath();
        CheckpointMetadata read = MetadataSerializer.deserialize(bytes, "moved", moved);
        ChannelStateHandle ch = read.operatorState("agg-uid").orElseThrow().state(0).inputChannelState().get(0);
        assertEquals(moved.resolve("channels"), ((FileStateHandle) ch.delegate()).getFilePath());
    }

    @Test
    void whenFileIsForeign_thenRefusedNamingIt() {
        byte[] foreign = "PK\u0003\u0004 this is a zip file, not metadata".getBytes();
        String msg = assertThrows(MetadataFormatException.class,
            () -> MetadataSerializer.deserialize(foreign, "/x/chk-1/_metadata", null)).getMessage();
        assertTrue(msg.contains("/x/chk-1/_metadata") && msg.contains("not a Weir checkpoint metadata file"), msg);
    }

    @Test
    void whenFileIsTruncatedAnywhere_thenRefusedNamingIt() throws Exception {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata(BASE), BASE);
        for (int len = 0; len < bytes.length; len += 7) {
            byte[] cut = Arrays.copyOf(bytes, len);
            String msg = assertThrows(MetadataFormatException.class,
                () -> MetadataSerializer.deserialize(cut, "/x/_metadata", BASE), "length " + len).getMessage();
            assertTrue(msg.contains("/x/_metadata"), msg);
            assertTrue(msg.contains("truncated") || msg.contains("not a Weir"), msg);
        }
    }

    @Test
    void whenABitFlips_thenChecksumRefusesIt() throws Exception {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata(BASE), BASE);
        bytes[40] ^= 0x10;
        String msg = assertThrows(MetadataFormatException.class,
            () -> MetadataSerializer.deserialize(bytes, "/x/_metadata", BASE)).getMessage();
        assertTrue(msg.contains("corrupt"), msg);
    }

    @Test
    void whenVersionIsNewer_thenRefusedWithBothVersions() throws Exception {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata(BASE), BASE);
        bytes[11] = 9;
        String msg = assertThrows(MetadataFormatException.class,
            () -> MetadataSerializer.deserialize(bytes, "/x/_metadata", BASE)).getMessage();
        assertTrue(msg.contains("version 9") && msg.contains("version " + MetadataSerializer.VERSION), msg);
    }

    @Test
    void whenPlaceholderWasNotRegistered_thenWritingFails() {
        IncrementalKeyedStateHandle inc = new IncrementalKeyedStateHandle("b", 1, KeyGroupRange.of(0, 0),
            List.of(new HandleAndLocalPath("1.sst", new PlaceholderStreamStateHandle("b/1.sst", 10))), List.of(),
            new ByteStreamStateHandle("m", new byte[1]));
        OperatorState op = new OperatorState("op", 1, 1);
        op.putState(0, OperatorSubtaskState.keyed(inc));
        CheckpointMetadata m = new CheckpointMetadata("j", 1, CheckpointKind.CHECKPOINT, 0, 0, List.of(op));
        assertThrows(IllegalStateException.class, () -> MetadataSerializer.serialize(m, null));
    }

    @Test
    void shouldCountCheckpointedSizeOnlyForNewSharedFiles() {
        IncrementalKeyedStateHandle inc = new IncrementalKeyedStateHandle("b", 2, KeyGroupRange.of(0, 0),
            List.of(new HandleAndLocalPath("1.sst", new PlaceholderStreamStateHandle("b/1.sst", 1000)),
                new HandleAndLocalPath("2.sst", new ByteStreamStateHandle("2", new byte[50]))),
            List.of(), new ByteStreamStateHandle("m", new byte[5]));
        assertEquals(55, inc.checkpointedSize());
        assertEquals(1055, inc.getStateSize());
    }
}
