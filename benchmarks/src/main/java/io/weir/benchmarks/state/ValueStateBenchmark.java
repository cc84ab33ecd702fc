package io.weir.benchmarks.state;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
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
 * {@code ValueState} get and update of random keys among {@code keys} existing keys, per backend.
 * Run: see BENCHMARKS.md ({@code -p keys=1000000} or {@code 10000000}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class ValueStateBenchmark {

    @Param({"hashmap", "rocksdb"})
    public String backend;

    @Param({"1000000"})
    public int keys;

    private java.nio.file.Path localDir;
    private StateBackend stateBackend;
    private KeyedStateBackend<Long> keyed;
    private ValueState<Long> state;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void fill() throws Exception {
        localDir = StateBenchmarkSupport.tempDir();
        stateBackend = StateBenchmarkSupport.stateBackend(backend, localDir, "512 mb");
        keyed = StateBenchmarkSupport.keyedBackend(stateBackend);
        state = keyed.getState(new ValueStateDescriptor<>("value", LongSerializer.INSTANCE));
        for (long k = 0; k < keys; k++) {
            keyed.setCurrentKey(k);
            state.update(k);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws java.io.IOException {
        keyed.close();
        stateBackend.close();
        java.nio.file.Files.deleteIfExists(localDir);
    }

    @Benchmark
    public Long get() throws Exception {
        keyed.setCurrentKey(random.nextLong(keys));
        return state.value();
    }

    @Benchmark
    public void update() throws Exception {
        long k = random.nextLong(keys);
        keyed.setCurrentKey(k);
        state.update(k + 1);
    }
}
