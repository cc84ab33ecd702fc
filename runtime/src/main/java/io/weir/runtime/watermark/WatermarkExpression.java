package io.weir.runtime.watermark;

import io.weir.runtime.data.Row;

/**
 * The compiled expression of {@code WATERMARK FOR rowtime AS <expression>}: a watermark candidate
 * for one row (for example {@code rowtime - INTERVAL '5' SECOND}); null counts as no candidate.
 * Stateless; supplied by the planner (generated code).
 */
@FunctionalInterface
public interface WatermarkExpression {
    Long watermarkFor(Row row);
}
