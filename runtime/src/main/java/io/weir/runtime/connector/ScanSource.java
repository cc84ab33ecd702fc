package io.weir.runtime.connector;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.types.RowType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A table's source: splits, a reader per split, and the serializer that stores a split with its
 * position in operator state. Created by a {@link TableSourceFactory} at planning time and shared by
 * all subtasks of the job (so immutable); the runtime wraps it in a source operator
 * ({@code io.weir.runtime.connector.SourceOperatorFactory}).
 *
 * <h2>Runtime protocol (per subtask, on its task thread)</h2>
 * <ol>
 *   <li>Fresh start: {@link #discoverSplits} and keep the splits whose {@link #ownerOf} is this
 *       subtask. Restore: the splits with positions from operator state (all subtasks see all
 *       restored splits and keep the ones they own, so rescaling works), plus newly discovered ones.</li>
 *   <li>{@link #createReader} per owned split; readers are polled round-robin; each split has its
 *       own watermark generator.</li>
 *   <li>At a checkpoint, each reader's {@link SplitReader#snapshot()} is stored (with
 *       {@link #splitSerializer()}), finished splits as finished.</li>
 *   <li>Unbounded sources with {@link #discoveryInterval()} are asked again for new splits
 *       periodically; known split ids are ignored.</li>
 *   <li>A bounded source ends when all of its owned splits are finished.</li>
 * </ol>
 *
 * @param <S> the split type
 */
public interface ScanSource<S extends SourceSplit> {

    /** The type of the rows the readers return (the physical columns, or the projection). */
    RowType producedType();

    /** The row kinds produced (insert-only unless the format reads a changelog). */
    default ChangelogMode changelogMode() {
        return ChangelogMode.insertOnly();
    }

    /** True if every split ends. */
    boolean isBounded();

    /**
     * All splits known now, deterministically (every subtask calls it and must see the same splits
     * for the same state of the outside world). Positions are at the beginning.
     */
    List<S> discoverSplits(SourceContext context) throws IOException;

    /** How often to call {@link #discoverSplits} again (continuous file monitoring); empty = once. */
    default Optional<Duration> discoveryInterval() {
        return Optional.empty();
    }

    /**
     * The subtask that reads {@code split}; deterministic. The default spreads split ids by hash;
     * sources with numbered splits should spread them evenly ({@code number % parallelism}).
     */
    default int ownerOf(S split, int parallelism) {
        return Math.floorMod(split.splitId().hashCode(), parallelism);
    }

    /** A reader starting at the position {@code split} carries. */
    SplitReader<S> createReader(S split, SourceContext context) throws IOException;

    /** Serializes splits with their positions (operator state of the source). */
    TypeSerializer<S> splitSerializer();
}
