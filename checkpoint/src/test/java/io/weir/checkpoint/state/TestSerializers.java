package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.StringSerializer;
import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Small serializers for tests (STYLE 15: fakes, no mocks). */
public final class TestSerializers {
    private TestSerializers() {
    }

    public static final TypeSerializer<String> STRING = StringSerializer.INSTANCE;

    public static final TypeSerializer<Integer> INT = new TypeSerializer<>() {
        @Override
        public void serialize(Integer value, DataOutputView out) throws IOException {
            out.writeInt(value);
        }

        @Override
        public Integer deserialize(DataInputView in) throws IOException {
            return in.readInt();
        }

        @Override
        public Integer copy(Integer value) {
            return value;
        }

        @Override
        public boolean isImmutableType() {
            return true;
        }
    };

    public static final TypeSerializer<Long> LONG = LongSerializer.INSTANCE;

    /** A mutable value type, to check copy-on-write. */
    public static final TypeSerializer<List<Integer>> INT_LIST = new TypeSerializer<>() {
        @Override
        public void serialize(List<Integer> value, DataOutputView out) throws IOException {
            out.writeInt(value.size());
            for (int v : value) {
                out.writeInt(v);
            }
        }

        @Override
        public List<Integer> deserialize(DataInputView in) throws IOException {
            int n = in.readInt();
            List<Integer> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(in.readInt());
            }
            return list;
        }

        @Override
        public List<Integer> copy(List<Integer> value) {
            return new ArrayList<>(value);
        }
    };

    /** An accumulator {sum, count} for an average, mutated in place by the aggregate function. */
    public static final TypeSerializer<long[]> SUM_COUNT = new TypeSerializer<>() {
        @Override
        public void serialize(long[] value, DataOutputView out) throws IOException {
            out.writeLong(value[0]);
            out.writeLong(value[1]);
        }

        @Override
        public long[] deserialize(DataInputView in) throws IOException {
            return new long[] {in.readLong(), in.readLong()};
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }
    };

    /** Average of ints, with a mutable accumulator. */
    public static final AggregateFunction<Integer, long[], Double> AVERAGE = new AggregateFunction<>() {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Integer value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(long[] acc) {
            return (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    };

    /** A settable TTL clock. */
    public static final class ManualClock implements TtlTimeProvider {
        private long now;

        public ManualClock(long now) {
            this.now = now;
        }

        public void set(long now) {
            this.now = now;
        }

        public void advance(long millis) {
            now += millis;
        }

        @Override
        public long currentTimestamp() {
            return now;
        }
    }
}
