package io.weir.runtime.watermark;

import io.weir.runtime.data.Row;

/**
 * The event time of a row, in epoch milliseconds (the rowtime column named in {@code WATERMARK FOR}).
 * Called on the source task thread for every row. A row whose rowtime is null gets {@code Long.MIN_VALUE}.
 */
@FunctionalInterface
public interface TimestampAssigner {

    long extractTimestamp(Row row);

    /** The event time is the TIMESTAMP / TIMESTAMP_LTZ / BIGINT field at {@code position}. */
    static TimestampAssigner ofField(int position) {
        return row -> {
            Object v = row.getField(position);
            return v == null ? Long.MIN_VALUE : ((Number) v).longValue();
        };
    }
}
