package io.weir.planner.catalog;

import io.weir.runtime.types.DataType;
import java.util.Objects;

/**
 * {@code WATERMARK FOR rowtimeColumn AS expression}: the rowtime attribute and the SQL text of the
 * expression that computes the watermark from a row, with the type Calcite derived for it.
 */
public record WatermarkSpec(String rowtimeColumn, String expression, DataType expressionType) {
    public WatermarkSpec {
        Objects.requireNonNull(rowtimeColumn, "rowtimeColumn");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(expressionType, "expressionType");
    }
}
