package io.weir.runtime.testutils;

import io.weir.runtime.data.Row;
import io.weir.runtime.tasks.WatermarkStatusOutput;
import java.util.ArrayList;
import java.util.List;

/** Records everything an operator emits, in order: rows, {@link WatermarkElement}s and idle markers. */
public final class CollectingOutput implements WatermarkStatusOutput {
    private final List<Object> elements = new ArrayList<>();

    /** A watermark in the recorded output. */
    public static final class WatermarkElement {
        public final long timestamp;

        WatermarkElement(long timestamp) {
            this.timestamp = timestamp;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WatermarkElement && ((WatermarkElement) o).timestamp == timestamp;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(timestamp);
        }

        @Override
        public String toString() {
            return "WM(" + timestamp + ")";
        }
    }

    @Override
    public void collect(Row row) {
        elements.add(row);
    }

    @Override
    public void emitWatermark(long watermark) {
        elements.add(new WatermarkElement(watermark));
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        elements.add(idle ? "IDLE" : "ACTIVE");
    }

    public List<Object> elements() {
        return elements;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Object o : elements) {
            if (o instanceof Row) {
                rows.add((Row) o);
            }
        }
        return rows;
    }

    public List<Long> watermarks() {
        List<Long> wms = new ArrayList<>();
        for (Object o : elements) {
            if (o instanceof WatermarkElement) {
                wms.add(((WatermarkElement) o).timestamp);
            }
        }
        return wms;
    }

    public void clear() {
        elements.clear();
    }
}
