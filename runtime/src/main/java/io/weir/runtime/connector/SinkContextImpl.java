package io.weir.runtime.connector;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.operators.OperatorContext;

/** The {@link SinkContext} of a sink operator subtask. */
final class SinkContextImpl implements SinkContext {
    private final OperatorContext ctx;
    private final long restoredCheckpointId;

    SinkContextImpl(OperatorContext ctx, long restoredCheckpointId) {
        this.ctx = ctx;
        this.restoredCheckpointId = restoredCheckpointId;
    }

    @Override
    public String jobId() { return ctx.jobId(); }

    @Override
    public String operatorUid() { return ctx.operatorUid(); }

    @Override
    public int subtaskIndex() { return ctx.subtaskIndex(); }

    @Override
    public int parallelism() { return ctx.parallelism(); }

    @Override
    public Configuration configuration() { return ctx.configuration(); }

    @Override
    public long restoredCheckpointId() { return restoredCheckpointId; }
}
