package io.weir.benchmarks.sql;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.runtime.data.Row;
import io.weir.runtime.serialization.RowSerializer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 9's row-serialization hot path: {@link RowSerializer} writing and reading Nexmark bid rows
 * (3 BIGINT, 3 VARCHAR, 1 TIMESTAMP; ~100-200 bytes each), as state backends, checkpoints and
 * spilled channels use it. Score: rows per second.
 *
 * <p>Run: {@code java -cp <benchmarks jar + classpath> org.openjdk.jmh.Main sql.RowSerializerBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class RowSerializerBenchmark {
    private final RowSerializer serializer = new RowSerializer(BidRows.TYPE);
    private final DataOutputSerializer out = new DataOutputSerializer(1 << 20);
    private Row[] rows;
    private byte[] serialized;

    @Setup
    public void setUp() throws IOException {
        rows = BidRows.bids();
        for (Row r : rows) {
            serializer.serialize(r, out);
        }
        serialized = out.toByteArray();
    }

    @Benchmark
    @OperationsPerInvocation(BidRows.COUNT)
    public int serialize() throws IOException {
        out.clear();
        for (Row r : rows) {
            serializer.serialize(r, out);
        }
        return out.length();
    }

    @Benchmark
    @OperationsPerInvocation(BidRows.COUNT)
    public void deserialize(Blackhole bh) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        for (int i = 0; i < BidRows.COUNT; i++) {
            bh.consume(serializer.deserialize(in));
        }
    }
}
