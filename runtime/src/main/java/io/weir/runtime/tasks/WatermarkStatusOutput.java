package io.weir.runtime.tasks;

import io.weir.runtime.operators.Output;

/**
 * An {@link Output} that can also mark the stream idle (it then no longer holds back watermarks
 * downstream) or active again. The runtime's outputs implement it; source operators use it when
 * all their splits are idle.
 */
public interface WatermarkStatusOutput extends Output {
    void emitWatermarkStatus(boolean idle);
}
