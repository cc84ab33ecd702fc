package io.weir.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStreamFactoryTest {
    @TempDir
    Path tmp;

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void whenBelowInlineThreshold_thenBytesStayInline() throws IOException {
        FileStateStreamFactory f = new FileStateStreamFactory(tmp, 100, 4096);
        try (CheckpointStateOutputStream out = f.createCheckpointStateOutputStream()) {
            out.write(new byte[100]);
            assertInstanceOf(ByteStreamStateHandle.class, out.closeAndGetHandle());
        }
        assertEquals(0, filesIn(tmp));
        try (CheckpointStateOutputStream out = f.createCheckpointStateOutputStream()) {
            assertNull(out.closeAndGetHandle(), "nothing written, no handle");
        }
    }

    @Test
    void whenAboveInlineThreshold_thenFileHoldsEveryByte() throws IOException {
        FileStateStreamFactory f = new FileStateStreamFactory(tmp, 10, 16);
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        FileStateHandle h;
        try (CheckpointStateOutputStream out = f.createCheckpointStateOutputStream()) {
            out.write(data, 0, 5);
            out.write(data, 5, 995);
            assertEquals(1000, out.getPos());
            h = assertInstanceOf(FileStateHandle.class, out.closeAndGetHandle());
        }
        assertEquals(1000, h.getStateSize());
        try (InputStream in = h.openInputStream()) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void shouldBufferFileWritesByWriteBufferSize() throws IOException {
        Path big = tmp.resolve("big");
        Path small = tmp.resolve("small");
        try (CheckpointStateOutputStream a = new FileStateStreamFactory(big, 0, 4096).createCheckpointStateOutputStream();
             CheckpointStateOutputStream b = new FileStateStreamFactory(small, 0, 16).createCheckpointStateOutputStream()) {
            a.write(new byte[1000]);
            b.write(new byte[1000]);
            try (Stream<Path> s = Files.list(big)) {
                assertEquals(0, Files.size(s.findFirst().orElseThrow()), "still in the 4096-byte buffer");
            }
            try (Stream<Path> s = Files.list(small)) {
                assertEquals(1000, Files.size(s.findFirst().orElseThrow()), "16-byte buffer: written through");
            }
        }
    }

    @Test
    void whenClosedWithoutHandle_thenFileIsDeleted() throws IOException {
        CheckpointStateOutputStream out = new FileStateStreamFactory(tmp, 0, 16).createCheckpointStateOutputStream();
        out.write(new byte[100]);
        out.close();
        assertEquals(0, filesIn(tmp));
        assertThrows(IOException.class, () -> out.write(1));
    }
}
