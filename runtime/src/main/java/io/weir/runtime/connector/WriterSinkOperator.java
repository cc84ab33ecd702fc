package io.weir.runtime.connector;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;

/** Runs a {@link WriterSink}: write each row, flush at checkpoints and at end of input. */
final class WriterSinkOperator implements OneInputStreamOperator {
    private final WriterSink sink;
    private SinkWriter writer;

    WriterSinkOperator(WriterSink sink) {
        this.sink = sink;
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        writer = sink.createWriter(new SinkContextImpl(context, -1));
    }

    @Override
    public void processElement(Row row) throws Exception {
        writer.write(row);
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        writer.flush(false);
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
