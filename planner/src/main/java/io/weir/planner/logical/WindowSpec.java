package io.weir.planner.logical;

import io.weir.planner.functions.WindowTableFunction;

import java.time.Duration;
import java.util.Objects;

/**
 * A window of a windowing table function: its kind, the input field holding the time, and its
 * sizes in milliseconds ({@code slide} is HOP's slide and CUMULATE's step; {@code size} is
 * SESSION's gap). Immutable.
 *
 * <p>{@code attached} marks Flink's "window-attached" windowing of a cascaded window aggregation: the
 * input already carries its window (it is the output of a window operator on rowtime), and
 * {@code timeIndex} / {@code timeColumn} then name the input's {@code window_end} column, from which
 * each row's window is read instead of being assigned from a time attribute.
 */
public record WindowSpec(WindowTableFunction.Kind kind, int timeIndex, String timeColumn, long sizeMillis,
                         long slideMillis, long offsetMillis, boolean attached) {

    public WindowSpec {
        Objects.requireNonNull(kind, "kind");
    }

    /** A window assigned from the time attribute at {@code timeIndex} (not attached). */
    public WindowSpec(WindowTableFunction.Kind kind, int timeIndex, String timeColumn, long sizeMillis,
                      long slideMillis, long offsetMillis) {
        this(kind, timeIndex, timeColumn, sizeMillis, slideMillis, offsetMillis, false);
    }

    /** The same window with the time field at another position (after the input was rewritten). */
    public WindowSpec withTimeIndex(int newIndex) {
        return new WindowSpec(kind, newIndex, timeColumn, sizeMillis, slideMillis, offsetMillis, attached);
    }

    /** The same window with the time field named {@code column} (for EXPLAIN). */
    public WindowSpec withTimeColumn(String column) {
        return new WindowSpec(kind, timeIndex, column, sizeMillis, slideMillis, offsetMillis, attached);
    }

    /** This window attached to its input: read from the input's {@code window_end} column {@code windowEndIndex}. */
    public WindowSpec attachedTo(int windowEndIndex, String windowEndColumn) {
        return new WindowSpec(kind, windowEndIndex, windowEndColumn, sizeMillis, slideMillis, offsetMillis, true);
    }

    /** Flink's explain form, e.g. {@code TUMBLE(time_col=[ts], size=[10 min])}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.name()).append(attached ? "(win_end=[" : "(time_col=[")
            .append(timeColumn).append("], ");
        switch (kind) {
            case TUMBLE: sb.append("size=[").append(format(sizeMillis)).append("]"); break;
            case HOP: sb.append("size=[").append(format(sizeMillis)).append("], slide=[")
                .append(format(slideMillis)).append("]"); break;
            case CUMULATE: sb.append("max_size=[").append(format(sizeMillis)).append("], step=[")
                .append(format(slideMillis)).append("]"); break;
            case SESSION: sb.append("gap=[").append(format(sizeMillis)).append("]"); break;
            default: throw new IllegalStateException(kind.name());
        }
        if (offsetMillis != 0) {
            sb.append(", offset=[").append(format(offsetMillis)).append("]");
        }
        return sb.append(")").toString();
    }

    static String format(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (millis % 86_400_000L == 0) {
            return d.toDays() + " d";
        }
        if (millis % 3_600_000L == 0) {
            return d.toHours() + " h";
        }
        if (millis % 60_000L == 0) {
            return d.toMinutes() + " min";
        }
        if (millis % 1000L == 0) {
            return d.getSeconds() + " s";
        }
        return millis + " ms";
    }
}
