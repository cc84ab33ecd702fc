package io.weir.checkpoint.barrier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.checkpoint.metadata.ChannelStateHandle;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.storage.CheckpointStorageLocation;
import io.weir.checkpoint.storage.FileSystemCheckpointStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelStateWriterTest {
    @TempDir
    Path tmp;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    @Test
    void shouldReplayEachChannelsBuffersInOrderAfterAMetadataRoundTrip() throws IOException {
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage("job", tmp, null, true, 64, 4096);
        CheckpointStorageLocation location = storage.initializeLocationForCheckpoint(3);
        ChannelStateWriter writer = new ChannelStateWriter(location.exclusiveStateStreamFactory());
        writer.start(3);
        writer.addInputData(3, 0, 1, bytes(100, 1));
        writer.addOutputData(3, 0, 2, bytes(30, 2));
        writer.addInputData(3, 0, 0, bytes(50, 3));
        writer.addInputData(3, 0, 1, bytes(70, 4));
        ChannelStateWriter.Result result = writer.finish(3);

        assertEquals(2, result.inputChannelState().size());
        assertEquals(1, result.resultSubpartitionState().size());
        assertEquals(250, result.size());
        ChannelStateHandle ch1 = result.inputChannelState().get(0);
        assertEquals(1, ch1.channelIndex());
        assertEquals(170, ch1.stateSize());
        assertSame(ch1.delegate(), result.resultSubpartitionState().get(0).delegate(), "one stream per checkpoint");

        OperatorState op = new OperatorState("join", 1, 128);
        op.putState(0, new OperatorSubtaskState(List.of(), List.of(), result.inputChannelState(), result.resultSubpartitionState()));
        String pointer = location.finalizeCheckpoint(new CheckpointMetadata("job", 3, CheckpointKind.CHECKPOINT, 0, 1, List.of(op)));
        OperatorSubtaskState read = storage.resolveCheckpoint(pointer).operatorState("join").orElseThrow().state(0);

        List<byte[]> replay = ChannelStateReader.readBuffers(read.inputChannelState().get(0));
        assertEquals(2, replay.size());
        assertArrayEquals(bytes(100, 1), replay.get(0));
        assertArrayEquals(bytes(70, 4), replay.get(1));
        assertArrayEquals(bytes(50, 3), ChannelStateReader.readBuffers(read.inputChannelState().get(1)).get(0));
        assertArrayEquals(bytes(30, 2), ChannelStateReader.readBuffers(read.resultSubpartitionState().get(0)).get(0));
        assertEquals(FileStateHandle.class, read.inputChannelState().get(0).delegate().getClass(), "above the inline threshold");
    }

    @Test
    void whenAborted_thenNothingIsLeftAndFurtherDataIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("chk"));
        ChannelStateWriter writer = new ChannelStateWriter(new io.weir.checkpoint.storage.FileStateStreamFactory(dir, 0, 64));
        writer.start(1);
        writer.addInputData(1, 0, 0, bytes(500, 0));
        writer.abort(1);
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
        assertThrows(IllegalStateException.class, () -> writer.addInputData(1, 0, 0, bytes(1, 0)));
    }
}
