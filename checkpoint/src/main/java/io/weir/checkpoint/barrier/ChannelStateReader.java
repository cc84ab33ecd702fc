package io.weir.checkpoint.barrier;

import io.weir.checkpoint.metadata.ChannelStateHandle;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what {@link ChannelStateWriter} wrote for one channel: its buffers in their original
 * order, which a restored task replays before any new input (input channels) or sends before any new
 * output (result subpartitions).
 */
public final class ChannelStateReader {
    private ChannelStateReader() {
    }

    public static List<byte[]> readBuffers(ChannelStateHandle handle) throws IOException {
        List<byte[]> buffers = new ArrayList<>();
        long[] offsets = handle.offsets();
        try (InputStream raw = handle.delegate().openInputStream(); DataInputStream in = new DataInputStream(raw)) {
            long pos = 0;
            for (long offset : offsets) {
                if (offset < pos) {
                    throw new IOException("channel state offsets out of order in " + handle);
                }
                in.skipNBytes(offset - pos);
                int length = in.readInt();
                if (length < 0) {
                    throw new IOException("corrupt channel state (negative buffer length) in " + handle);
                }
                byte[] buffer = new byte[length];
                in.readFully(buffer);
                buffers.add(buffer);
                pos = offset + 4 + length;
            }
        }
        return buffers;
    }
}
