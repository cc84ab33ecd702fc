package io.weir.checkpoint.barrier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.storage.CheckpointStorageLocation;
import io.weir.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.checkpoint.storage.SegmentFileStateHandle;
import io.weir.checkpoint.storage.SharedChannelStateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedChannelStateFilesTest {
    @TempDir
    Path tmp;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    @Test
    void whenFiveSubtasksShareFilesOfTwo_thenThreeFilesHoldTheirSegmentsAndEachReplaysExactly() throws IOException {
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage("job", tmp, null, true, 64, 4096);
        CheckpointStorageLocation location = storage.initializeLocationForCheckpoint(7);
        OperatorState op = new OperatorState("map", 5, 128);
        for (int subtask = 0; subtask < 5; subtask++) {
            CheckpointStreamFactory streams = SharedChannelStateFiles.forSubtask(location.exclusiveStateStreamFactory(),
                "map-uid", subtask, 2);
            ChannelStateWriter writer = new ChannelStateWriter(streams);
            writer.start(7);
            writer.addInputData(7, 0, 0, bytes(100 + subtask, subtask));
            writer.addOutputData(7, 0, 1, bytes(200, subtask + 10));
            writer.addInputData(7, 0, 0, bytes(50, subtask + 20));
            ChannelStateWriter.Result r = writer.finish(7);
            assertInstanceOf(SegmentFileStateHandle.class, r.inputChannelState().get(0).delegate());
            assertSame(r.inputChannelState().get(0).delegate(), r.resultSubpartitionState().get(0).delegate());
            op.putState(subtask, new OperatorSubtaskState(List.of(), List.of(), r.inputChannelState(), r.resultSubpartitionState()));
        }
        String pointer = location.finalizeCheckpoint(new CheckpointMetadata("job", 7, CheckpointKind.CHECKPOINT, 0, 1, List.of(op)));

        List<Path> channelFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            files.filter(p -> p.getFileName().toString().startsWith("channel-state-")).forEach(channelFiles::add);
        }
        assertEquals(3, channelFiles.size(), "subtasks {0,1}, {2,3}, {4}: " + channelFiles);

        OperatorState read = storage.resolveCheckpoint(pointer).operatorState("map").orElseThrow();
        for (int subtask = 0; subtask < 5; subtask++) {
            OperatorSubtaskState s = read.state(subtask);
            List<byte[]> input = ChannelStateReader.readBuffers(s.inputChannelState().get(0));
            assertEquals(2, input.size());
            assertArrayEquals(bytes(100 + subtask, subtask), input.get(0));
            assertArrayEquals(bytes(50, subtask + 20), input.get(1));
            assertArrayEquals(bytes(200, subtask + 10), ChannelStateReader.readBuffers(s.resultSubpartitionState().get(0)).get(0));
        }
    }

    @Test
    void whenOneSubtaskPerFileOrStateIsSmall_thenTheStorageIsUsedAsBefore() throws IOException {
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage("job", tmp, null, true, 4096, 4096);
        CheckpointStorageLocation location = storage.initializeLocationForCheckpoint(1);
        CheckpointStreamFactory base = location.exclusiveStateStreamFactory();
        assertSame(base, SharedChannelStateFiles.forSubtask(base, "map-uid", 3, 1));

        ChannelStateWriter writer = new ChannelStateWriter(SharedChannelStateFiles.forSubtask(base, "map-uid", 3, 5));
        writer.start(1);
        writer.addInputData(1, 0, 0, bytes(10, 1));
        ChannelStateWriter.Result r = writer.finish(1);
        assertEquals(io.weir.checkpoint.state.snapshot.ByteStreamStateHandle.class,
            r.inputChannelState().get(0).delegate().getClass(), "below the inline threshold: inline in _metadata");
        assertArrayEquals(bytes(10, 1), ChannelStateReader.readBuffers(r.inputChannelState().get(0)).get(0));
    }
}
