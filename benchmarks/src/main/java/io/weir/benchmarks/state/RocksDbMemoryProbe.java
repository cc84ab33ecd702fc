package io.weir.benchmarks.state;

import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Peak resident memory of the RocksDB backend: writes {@code keys} keys (a 100-byte value each),
 * then reads them back in random order, and prints VmHWM (peak RSS) with the managed memory.
 * Run with a small fixed heap, e.g. {@code java -Xmx256m ... RocksDbMemoryProbe 10000000 256mb}.
 */
public final class RocksDbMemoryProbe {
    private RocksDbMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        long keys = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String managed = args.length > 1 ? args[1] : "256mb";
        long baseline = kb("VmRSS");
        Path localDir = StateBenchmarkSupport.tempDir();
        StateBackend backend = StateBenchmarkSupport.stateBackend("rocksdb", localDir, managed);
        KeyedStateBackend<Long> keyed = StateBenchmarkSupport.keyedBackend(backend);
        ValueState<byte[]> state = keyed.getState(new ValueStateDescriptor<>("payload", new BytesSerializer()));
        byte[] payload = new byte[100];
        long start = System.nanoTime();
        for (long k = 0; k < keys; k++) {
            keyed.setCurrentKey(k);
            payload[0] = (byte) k;
            state.update(payload);
        }
        long written = System.nanoTime();
        SplittableRandom random = new SplittableRandom(1);
        for (long i = 0; i < Math.min(keys, 1_000_000); i++) {
            keyed.setCurrentKey(random.nextLong(keys));
            state.value();
        }
        long read = System.nanoTime();
        System.out.printf("keys=%d managed=%s baselineRssMb=%d peakRssMb=%d writeSec=%.1f read1MSec=%.1f%n",
            keys, managed, baseline / 1024, kb("VmHWM") / 1024, (written - start) / 1e9, (read - written) / 1e9);
        keyed.close();
        backend.close();
        Files.deleteIfExists(localDir);
    }

    private static long kb(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Raw bytes, length-prefixed. */
    private static final class BytesSerializer implements io.weir.checkpoint.serialization.TypeSerializer<byte[]> {
        @Override
        public void serialize(byte[] value, io.weir.checkpoint.serialization.DataOutputView out) throws java.io.IOException {
            out.writeInt(value.length);
            out.write(value);
        }

        @Override
        public byte[] deserialize(io.weir.checkpoint.serialization.DataInputView in) throws java.io.IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return b;
        }

        @Override
        public byte[] copy(byte[] value) {
            return value.clone();
        }
    }
}
