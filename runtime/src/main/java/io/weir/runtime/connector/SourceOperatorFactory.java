package io.weir.runtime.connector;

import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.watermark.WatermarkStrategy;

/** Turns a connector's {@link ScanSource} into the head operator of a source vertex. */
public final class SourceOperatorFactory {
    private SourceOperatorFactory() {
    }

    /**
     * An operator factory for {@code source}.
     *
     * @param watermarks the table's event time and watermark generation, or null for a table without
     *     {@code WATERMARK FOR} (then the source emits no watermarks, except the final one of a
     *     bounded source)
     */
    public static OperatorFactory create(String name, String uid, ScanSource<?> source, WatermarkStrategy watermarks) {
        return OperatorFactory.of(name, uid, () -> newOperator(source, watermarks));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ScanSourceOperator<?> newOperator(ScanSource<?> source, WatermarkStrategy watermarks) {
        return new ScanSourceOperator(source, watermarks);
    }
}
