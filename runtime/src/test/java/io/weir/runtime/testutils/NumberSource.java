package io.weir.runtime.testutils;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake {@link ScanSource}: {@code splits} numbered splits, each yielding rows
 * {@code (split, i, eventTime = i * 10 + split)} for i in [0, rowsPerSplit); unbounded splits
 * stall at the end instead of finishing. Split {@code k} is owned by subtask {@code k % p}.
 */
public final class NumberSource implements ScanSource<NumberSource.Split> {
    public static final RowType TYPE = RowType.of(new String[] {"split", "i", "ts"},
        new DataType[] {DataType.integer(), DataType.bigint(), DataType.bigint()});

    private final int splits;
    private final long rowsPerSplit;
    private final boolean bounded;
    private final long[] lengths;
    private long backlogRows;
    private final java.util.concurrent.atomic.AtomicLong backlogStartedAt = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong backlogEndedAt = new java.util.concurrent.atomic.AtomicLong();

    /** Each split reports backlog while it reads its first {@code rows} rows. Returns this. */
    public NumberSource withBacklog(long rows) {
        this.backlogRows = rows;
        return this;
    }

    /** When the first split began reporting backlog (epoch millis, 0 if none did). */
    public long backlogStartedAtMillis() {
        return backlogStartedAt.get();
    }

    /** When the last split stopped reporting backlog (epoch millis, 0 if none did). */
    public long backlogEndedAtMillis() {
        return backlogEndedAt.get();
    }

    public NumberSource(int splits, long rowsPerSplit, boolean bounded) {
        this.splits = splits;
        this.rowsPerSplit = rowsPerSplit;
        this.bounded = bounded;
        this.lengths = null;
    }

    /** Bounded, split {@code k} with {@code lengths[k]} rows. */
    public NumberSource(long... lengths) {
        this.splits = lengths.length;
        this.rowsPerSplit = 0;
        this.bounded = true;
        this.lengths = lengths.clone();
    }

    private long length(int split) {
        return lengths == null ? rowsPerSplit : lengths[split];
    }

    /** Split {@code number} at position {@code next}. */
    public static final class Split implements SourceSplit {
        final int number;
        final long next;

        Split(int number, long next) {
            this.number = number;
            this.next = next;
        }

        @Override
        public String splitId() {
            return "split-" + number;
        }
    }

    @Override
    public RowType producedType() {
        return TYPE;
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    @Override
    public List<Split> discoverSplits(SourceContext context) {
        List<Split> l = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            l.add(new Split(i, 0));
        }
        return l;
    }

    @Override
    public int ownerOf(Split split, int parallelism) {
        return split.number % parallelism;
    }

    @Override
    public SplitReader<Split> createReader(Split split, SourceContext context) {
        return new SplitReader<>() {
            private long next = split.next;
            private boolean backlogOver;

            @Override
            public Row poll() {
                if (next >= length(split.number)) {
                    return null;
                }
                long i = next++;
                return Row.of(split.number, i, i * 10 + split.number);
            }

            @Override
            public boolean isFinished() {
                return bounded && next >= length(split.number);
            }

            @Override
            public boolean isProcessingBacklog() {
                long now = System.currentTimeMillis();
                if (next < backlogRows) {
                    backlogStartedAt.compareAndSet(0, now);
                    return true;
                }
                if (backlogRows > 0 && !backlogOver) {
                    backlogOver = true;
                    backlogEndedAt.accumulateAndGet(now, Math::max);
                }
                return false;
            }

            @Override
            public Split snapshot() {
                return new Split(split.number, next);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public TypeSerializer<Split> splitSerializer() {
        return new TypeSerializer<>() {
            @Override
            public void serialize(Split value, DataOutputView out) throws IOException {
                out.writeInt(value.number);
                out.writeLong(value.next);
            }

            @Override
            public Split deserialize(DataInputView in) throws IOException {
                return new Split(in.readInt(), in.readLong());
            }

            @Override
            public Split copy(Split value) {
                return value;
            }
        };
    }
}
