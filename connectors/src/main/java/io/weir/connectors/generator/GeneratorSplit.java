package io.weir.connectors.generator;

import io.weir.runtime.connector.SourceSplit;

/**
 * One share of a generator's index space: the indexes {@code index + k * numSplits} for
 * {@code k >= nextOrdinal}. The split count is fixed when the job first starts, so that a restore
 * at another parallelism redistributes the same splits and the content stays the same.
 * {@code anchorMillis} is the wall-clock time of the first start, kept so that generated values
 * relative to "now" (datagen's random timestamps) are the same after a restore.
 */
public record GeneratorSplit(String source, int index, int numSplits, long nextOrdinal, long anchorMillis)
    implements SourceSplit {

    @Override
    public String splitId() {
        return source + "-" + index + "-of-" + numSplits;
    }

    /** The global index of the next row of this split. */
    public long nextIndex() {
        return index + nextOrdinal * numSplits;
    }

    public GeneratorSplit advancedTo(long ordinal) {
        return new GeneratorSplit(source, index, numSplits, ordinal, anchorMillis);
    }
}
