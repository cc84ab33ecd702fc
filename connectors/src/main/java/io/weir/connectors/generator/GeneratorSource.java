package io.weir.connectors.generator;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.SupportsProjectionPushDown;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.util.ArrayList;
import java.util.List;

/**
 * A source over a {@link RowGenerator}: {@code pipeline.max-parallelism} splits (fixed at the first
 * start, so rescaling keeps the content), each generating every {@code numSplits}-th index, paced
 * so that all splits together emit {@link RowGenerator#rowsPerSecond()}.
 */
public final class GeneratorSource implements ScanSource<GeneratorSplit>, SupportsProjectionPushDown<GeneratorSplit> {
    private final String name;
    private final RowGenerator generator;

    public GeneratorSource(String name, RowGenerator generator) {
        this.name = name;
        this.generator = generator;
    }

    public RowGenerator generator() {
        return generator;
    }

    @Override
    public RowType producedType() {
        return generator.rowType();
    }

    /** Generates the full rows and keeps the chosen columns (content and splits are unchanged). */
    @Override
    public ScanSource<GeneratorSplit> applyProjection(int[] fields) {
        return new GeneratorSource(name, new ProjectedGenerator(generator, fields));
    }

    @Override
    public boolean isBounded() {
        return generator.totalRows() >= 0;
    }

    @Override
    public List<GeneratorSplit> discoverSplits(SourceContext context) {
        int n = Math.max(1, context.configuration().get(RuntimeOptions.MAX_PARALLELISM));
        List<GeneratorSplit> splits = new ArrayList<>(n);
        long anchor = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            splits.add(new GeneratorSplit(name, i, n, 0, anchor));
        }
        return splits;
    }

    @Override
    public int ownerOf(GeneratorSplit split, int parallelism) {
        return split.index() % parallelism;
    }

    @Override
    public SplitReader<GeneratorSplit> createReader(GeneratorSplit split, SourceContext context) {
        return new Reader(split, generator);
    }

    @Override
    public TypeSerializer<GeneratorSplit> splitSerializer() {
        return GeneratorSplitSerializer.INSTANCE;
    }

    /** Generates one split's rows; paced against the wall clock from the moment it was created. */
    static final class Reader implements SplitReader<GeneratorSplit> {
        private final GeneratorSplit split;
        private final RowGenerator generator;
        private final long startOrdinal;
        private final long startNanos = System.nanoTime();
        private final double nanosPerRowOfSplit;
        private final double phaseNanos;
        private long ordinal;
        private boolean finished;

        Reader(GeneratorSplit split, RowGenerator generator) {
            this.split = split;
            this.generator = generator;
            this.startOrdinal = split.nextOrdinal();
            this.ordinal = startOrdinal;
            double rate = generator.rowsPerSecond();
            this.nanosPerRowOfSplit = rate > 0 ? 1e9 * split.numSplits() / rate : 0;
            // split i's rows are due at i/rate, (i + n)/rate, ...: all splits together emit one
            // row every 1/rate seconds from the start, instead of a burst of one row per split
            this.phaseNanos = rate > 0 ? 1e9 * split.index() / rate : 0;
        }

        @Override
        public Row poll() {
            long index = split.index() + ordinal * split.numSplits();
            long total = generator.totalRows();
            if (total >= 0 && index >= total) {
                finished = true;
                return null;
            }
            if (nanosPerRowOfSplit > 0
                && System.nanoTime() - startNanos < (long) ((ordinal - startOrdinal) * nanosPerRowOfSplit + phaseNanos)) {
                return null;
            }
            ordinal++;
            return generator.generate(index, split.anchorMillis());
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public GeneratorSplit snapshot() {
            return split.advancedTo(ordinal);
        }

        @Override
        public void close() {
        }
    }
}
