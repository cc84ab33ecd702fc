package io.weir.runtime.connector;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.operators.StateInitialization;
import io.weir.runtime.tasks.WatermarkStatusOutput;
import io.weir.runtime.watermark.WatermarkGenerator;
import io.weir.runtime.watermark.WatermarkStrategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link ScanSource} in a source task (see the protocol on {@link ScanSource}): owns the
 * readers of this subtask's splits, polls them round robin, assigns event time and feeds one
 * watermark generator per split, emits the minimum watermark of the active splits every
 * {@code pipeline.auto-watermark-interval}, marks the output idle when all its splits were quiet
 * for {@code table.exec.source.idle-timeout} (or it has none), and keeps the splits with their
 * positions in union operator state.
 */
final class ScanSourceOperator<S extends SourceSplit> implements SourceOperator {
    private static final int ROWS_PER_CALL = 256;

    private final ScanSource<S> source;
    private final WatermarkStrategy watermarks;
    private OperatorContext context;
    private Output output;
    private SourceContext sourceContext;
    private final List<ActiveSplit> active = new ArrayList<>();
    private final List<S> finished = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private long idleTimeoutMs;
    private long lastWatermark = Long.MIN_VALUE;
    private boolean idle;
    private int next;

    ScanSourceOperator(ScanSource<S> source, WatermarkStrategy watermarks) {
        this.source = source;
        this.watermarks = watermarks;
    }

    private volatile boolean backlog;

    private final class ActiveSplit {
        final SplitReader<S> reader;
        final WatermarkGenerator generator;
        long lastActivity;

        ActiveSplit(SplitReader<S> reader) {
            this.reader = reader;
            this.generator = watermarks == null ? null : watermarks.createGenerator();
            this.lastActivity = now();
        }
    }

    @Override
    public void open(OperatorContext ctx) {
        this.context = ctx;
        this.output = ctx.output();
        Configuration conf = ctx.configuration();
        this.idleTimeoutMs = conf.get(RuntimeOptions.SOURCE_IDLE_TIMEOUT).toMillis();
        this.sourceContext = new SourceContext() {
            private final io.weir.runtime.operators.OperatorMetrics.Counter skipped = ctx.metrics().counter("numRecordsSkipped");

            @Override
            public int subtaskIndex() { return ctx.subtaskIndex(); }

            @Override
            public int parallelism() { return ctx.parallelism(); }

            @Override
            public Configuration configuration() { return ctx.configuration(); }

            @Override
            public void incrementSkippedRecords() { skipped.inc(); }
        };
        long interval = conf.get(RuntimeOptions.AUTO_WATERMARK_INTERVAL).toMillis();
        if (watermarks != null && interval > 0) {
            schedulePeriodic(interval);
        }
        source.discoveryInterval().ifPresent(d -> scheduleDiscovery(Math.max(1, d.toMillis())));
    }

    @Override
    public void initializeState(StateInitialization init) throws Exception {
        if (init.isRestored()) {
            for (SplitStateSerializer.Entry<S> e : state().get()) {
                if (source.ownerOf(e.split, context.parallelism()) == context.subtaskIndex() && known.add(e.split.splitId())) {
                    if (e.finished) {
                        finished.add(e.split);
                    } else {
                        addReader(e.split);
                    }
                }
            }
        }
        discover();
    }

    private ListState<SplitStateSerializer.Entry<S>> state() throws Exception {
        return context.operatorStateBackend().getUnionListState(
            new ListStateDescriptor<>("source-splits", new SplitStateSerializer<>(source.splitSerializer())));
    }

    private void discover() throws IOException {
        for (S split : source.discoverSplits(sourceContext)) {
            if (source.ownerOf(split, context.parallelism()) == context.subtaskIndex() && known.add(split.splitId())) {
                addReader(split);
            }
        }
    }

    private void addReader(S split) throws IOException {
        active.add(new ActiveSplit(source.createReader(split, sourceContext)));
    }

    @Override
    public Status emitNext() throws Exception {
        int emitted = 0;
        int idleReaders = 0;
        while (emitted < ROWS_PER_CALL && !active.isEmpty() && idleReaders < active.size()) {
            next = next % active.size();
            ActiveSplit s = active.get(next);
            Row row = s.reader.poll();
            if (row != null) {
                emit(s, row);
                emitted++;
                idleReaders = 0;
                next++;
            } else if (s.reader.isFinished()) {
                finishSplit(s);
                idleReaders = 0;
            } else {
                idleReaders++;
                next++;
            }
        }
        updateBacklog();
        if (active.isEmpty()) {
            if (source.isBounded() && source.discoveryInterval().isEmpty()) {
                return Status.END_OF_INPUT;
            }
            markIdle();
        }
        return emitted > 0 ? Status.MORE_AVAILABLE : Status.NOTHING_AVAILABLE;
    }

    private void updateBacklog() {
        boolean b = false;
        for (ActiveSplit s : active) {
            b |= s.reader.isProcessingBacklog();
        }
        backlog = b;
    }

    @Override
    public boolean isProcessingBacklog() {
        return backlog;
    }

    private void emit(ActiveSplit s, Row row) {
        if (s.generator != null) {
            s.generator.onEvent(row, watermarks.timestampAssigner().extractTimestamp(row));
            s.lastActivity = now();
        }
        idle = false;
        output.collect(row);
    }

    private void finishSplit(ActiveSplit s) throws IOException {
        active.remove(s);
        finished.add(s.reader.snapshot());
        s.reader.close();
    }

    private void schedulePeriodic(long interval) {
        context.processingTimeService().schedule(now() + interval, t -> {
            emitWatermark();
            schedulePeriodic(interval);
        });
    }

    private void scheduleDiscovery(long interval) {
        context.processingTimeService().schedule(now() + interval, t -> {
            discover();
            scheduleDiscovery(interval);
        });
    }

    /** Emits the minimum watermark over the splits that are not idle, or marks the output idle if all are. */
    private void emitWatermark() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        long now = now();
        for (ActiveSplit s : active) {
            if (idleTimeoutMs > 0 && now - s.lastActivity >= idleTimeoutMs) {
                continue;
            }
            anyActive = true;
            min = Math.min(min, s.generator.currentWatermark());
        }
        if (!anyActive) {
            if (idleTimeoutMs > 0 || active.isEmpty()) {
                markIdle();
            }
            return;
        }
        if (min > lastWatermark && min != Long.MIN_VALUE) {
            lastWatermark = min;
            idle = false;
            output.emitWatermark(min);
        }
    }

    private void markIdle() {
        if (!idle && output instanceof WatermarkStatusOutput) {
            idle = true;
            ((WatermarkStatusOutput) output).emitWatermarkStatus(true);
        }
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        List<SplitStateSerializer.Entry<S>> entries = new ArrayList<>();
        for (ActiveSplit s : active) {
            entries.add(new SplitStateSerializer.Entry<>(s.reader.snapshot(), false));
        }
        for (S f : finished) {
            entries.add(new SplitStateSerializer.Entry<>(f, true));
        }
        state().update(entries);
    }

    @Override
    public void close() throws Exception {
        IOException first = null;
        for (ActiveSplit s : active) {
            try {
                s.reader.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        active.clear();
        if (first != null) {
            throw first;
        }
    }

    private long now() {
        return context.processingTimeService().currentProcessingTime();
    }
}
