package io.weir.runtime.connector;

import io.weir.runtime.operators.OperatorFactory;

/** Turns a connector's {@link TableSink} into the operator of a sink vertex. */
public final class SinkOperatorFactory {
    private SinkOperatorFactory() {
    }

    /** An operator factory writing into {@code sink} (a {@link WriterSink} or a {@link TwoPhaseCommitSink}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static OperatorFactory create(String name, String uid, TableSink sink) {
        if (sink instanceof TwoPhaseCommitSink) {
            TwoPhaseCommitSink<?, ?> s = (TwoPhaseCommitSink<?, ?>) sink;
            return OperatorFactory.of(name, uid, () -> new TwoPhaseCommitSinkOperator(s));
        }
        if (sink instanceof WriterSink) {
            return OperatorFactory.of(name, uid, () -> new WriterSinkOperator((WriterSink) sink));
        }
        throw new IllegalArgumentException("sink of '" + name + "' (" + sink.getClass().getName()
            + ") must implement WriterSink or TwoPhaseCommitSink");
    }
}
