package io.weir.runtime.testutils;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.checkpoint.state.VoidNamespace;
import io.weir.checkpoint.state.VoidNamespaceSerializer;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Small, reusable operators for runtime tests (fakes, no mocking). */
public final class TestOperators {
    private TestOperators() {
    }

    /** Rows collected by {@link CollectSink}s, by sink name (names must be unique per test). */
    public static final Map<String, List<Row>> SINKS = new ConcurrentHashMap<>();

    public static List<Row> sink(String name) {
        return SINKS.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>()));
    }

    /**
     * A source of {@code count} rows {@code (subtask, i)} for i in [0, count) per subtask; emits the
     * watermark {@code i} after each row when {@code watermarks} is set. Optionally sleeps per row.
     */
    public static final class SequenceSource implements SourceOperator {
        private final long count;
        private final boolean watermarks;
        private final Function<Long, Row> rowOf;
        private OperatorContext ctx;
        private long next;

        public SequenceSource(long count, boolean watermarks, Function<Long, Row> rowOf) {
            this.count = count;
            this.watermarks = watermarks;
            this.rowOf = rowOf;
        }

        @Override
        public void open(OperatorContext context) {
            this.ctx = context;
        }

        @Override
        public Status emitNext() {
            for (int i = 0; i < 64 && next < count; i++, next++) {
                ctx.output().collect(rowOf.apply(next));
                if (watermarks) {
                    ctx.output().emitWatermark(next);
                }
            }
            return next < count ? Status.MORE_AVAILABLE : Status.END_OF_INPUT;
        }
    }

    /** Collects rows into {@link #SINKS}; sleeps {@code sleepMillis} per row (a slow sink). */
    public static final class CollectSink implements OneInputStreamOperator {
        private final String name;
        private final long sleepMillis;

        public CollectSink(String name, long sleepMillis) {
            this.name = name;
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void open(OperatorContext context) {
        }

        @Override
        public void processElement(Row row) throws Exception {
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
            sink(name).add(row);
        }
    }

    /** Keyed: counts rows per key (field 0 of the key) and emits {@code (key, count)} on each row. */
    public static final class CountPerKey implements OneInputStreamOperator {
        private OperatorContext ctx;
        private ValueState<Long> count;

        @Override
        public void open(OperatorContext context) {
            this.ctx = context;
            this.count = context.getState(new ValueStateDescriptor<>("count", LongSerializer.INSTANCE));
        }

        @Override
        public void processElement(Row row) throws Exception {
            Long c = count.value();
            long n = c == null ? 1 : c + 1;
            count.update(n);
            ctx.output().collect(Row.of(ctx.currentKey().getField(0), n));
        }
    }

    /**
     * Keyed: registers an event-time timer at field 1 of each row (namespace void) and emits
     * {@code (key, timestamp)} when it fires.
     */
    public static final class TimerPerRow implements OneInputStreamOperator {
        private OperatorContext ctx;
        private TimerService<VoidNamespace> timers;

        @Override
        public void open(OperatorContext context) {
            this.ctx = context;
            this.timers = context.timerService(VoidNamespaceSerializer.INSTANCE);
        }

        @Override
        public void processElement(Row row) {
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, (Long) row.getField(1));
        }

        @Override
        public void onTimer(Timer<?> timer) {
            ctx.output().collect(Row.of(ctx.currentKey().getField(0), timer.timestamp()));
        }
    }

    /** Throws on the {@code n}-th row. */
    public static final class FailOnRow implements OneInputStreamOperator {
        private final long n;
        private long seen;

        public FailOnRow(long n) {
            this.n = n;
        }

        @Override
        public void open(OperatorContext context) {
        }

        @Override
        public void processElement(Row row) {
            if (++seen == n) {
                throw new IllegalStateException("boom at row " + n);
            }
        }
    }
}
