package io.weir.planner.properties;

/**
 * Whether a field is a time attribute. Rowtime fields come from a {@code WATERMARK} declaration and
 * stay rowtime through projections and as a window's {@code window_time}; proctime fields come from
 * {@code PROCTIME()}. Anything that computes with them, or a group aggregation, materializes them
 * into plain timestamps ({@link #NONE}).
 */
public enum TimeAttribute {
    NONE, ROWTIME, PROCTIME;

    /** {@code n} fields that are not time attributes. */
    public static TimeAttribute[] none(int n) {
        TimeAttribute[] a = new TimeAttribute[n];
        java.util.Arrays.fill(a, NONE);
        return a;
    }
}
