package io.weir.benchmarks.state;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.MapState;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.checkpoint.state.StateBackend;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Iterating the whole {@code MapState} of a random key: {@code entries} map entries in total,
 * {@code entriesPerKey} per key. One operation = one key's full iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class MapStateIterationBenchmark {

    @Param({"hashmap", "rocksdb"})
    public String backend;

    @Param({"1000000"})
    public int entries;

    @Param({"100"})
    public int entriesPerKey;

    private java.nio.file.Path localDir;
    private StateBackend stateBackend;
    private KeyedStateBackend<Long> keyed;
    private MapState<Long, Long> state;
    private int keys;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void fill() throws Exception {
        localDir = StateBenchmarkSupport.tempDir();
        stateBackend = StateBenchmarkSupport.stateBackend(backend, localDir, "512 mb");
        keyed = StateBenchmarkSupport.keyedBackend(stateBackend);
        state = keyed.getState(new MapStateDescriptor<>("map", LongSerializer.INSTANCE, LongSerializer.INSTANCE));
        keys = entries / entriesPerKey;
        for (long k = 0; k < keys; k++) {
            keyed.setCurrentKey(k);
            for (long u = 0; u < entriesPerKey; u++) {
                state.put(u, k + u);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws java.io.IOException {
        keyed.close();
        stateBackend.close();
        java.nio.file.Files.deleteIfExists(localDir);
    }

    @Benchmark
    public long iterate() throws Exception {
        keyed.setCurrentKey(random.nextLong(keys));
        long sum = 0;
        for (Map.Entry<Long, Long> e : state.entries()) {
            sum += e.getValue();
        }
        return sum;
    }
}
