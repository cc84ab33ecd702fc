package io.weir.planner.physical;

/**
 * The time bounds of an interval join: {@code lower <= left.time - right.time <= upper} (ms), on
 * field {@code leftTimeIndex} of the left input and {@code rightTimeIndex} of the right, both rowtime
 * or both proctime attributes.
 */
public record IntervalBounds(int leftTimeIndex, int rightTimeIndex, long lower, long upper, boolean rowtime) {

    @Override
    public String toString() {
        return (rowtime ? "rowtime" : "proctime") + ", " + lower + " <= l - r <= " + upper + " ms";
    }
}
