package io.weir.runtime.tasks;

import io.weir.runtime.data.Row;

/** Hands rows and watermarks of one operator directly to the next operator of the chain. */
final class ChainingOutput implements WatermarkStatusOutput {
    private final ChainedOperator next;

    ChainingOutput(ChainedOperator next) {
        this.next = next;
    }

    @Override
    public void collect(Row row) {
        next.processElement(0, row);
    }

    @Override
    public void emitWatermark(long watermark) {
        next.processWatermark(0, watermark);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        next.setInputIdle(0, idle);
        if (next.output() instanceof WatermarkStatusOutput) {
            ((WatermarkStatusOutput) next.output()).emitWatermarkStatus(idle);
        }
    }
}
