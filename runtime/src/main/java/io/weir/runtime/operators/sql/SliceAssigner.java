package io.weir.runtime.operators.sql;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Cuts time into slices for window aggregation (Flink's slicing windows): each row belongs to
 * exactly one slice, and every window is a union of consecutive slices, so a row is accumulated
 * once even if HOP or CUMULATE windows overlap. Slices and windows are identified by their end
 * (exclusive); all times are epoch milliseconds, aligned to {@code offset} (as in Flink, windows
 * start at {@code offset + k * size}).
 *
 * <ul>
 *   <li>TUMBLE(size): slice = window.</li>
 *   <li>HOP(size, slide): slices of {@code gcd(size, slide)}; a window ends every {@code slide} and
 *       spans {@code size / gcd} slices.</li>
 *   <li>CUMULATE(maxSize, step): slices of {@code step}; the windows of one cumulation start
 *       together and end every {@code step} up to {@code maxSize}.</li>
 * </ul>
 *
 * <p>Time zones (Flink's "shift time zone"): when the time attribute is a {@code TIMESTAMP_LTZ}
 * (e.g. {@code PROCTIME()}), windows align to the wall clock of {@code table.local-time-zone}, so
 * that a 1-day window starts at local midnight. {@link #withShiftTimeZone} sets that zone: then
 * {@link #assignSliceEnd} converts an instant to local wall-clock millis, slices and windows (and
 * the {@code window_start}/{@code window_end} values) are local, and {@link #triggerTime} converts
 * a window's last millisecond back to the instant at which it fires. Without it (UTC, and for
 * {@code TIMESTAMP} attributes) both conversions are the identity.
 *
 * <p>{@link #windowed}: for a cascaded window aggregation the rows already carry their window (the
 * output of an upstream window operator); the "time" of a row is its {@code window_end}, its slice is
 * that window, and each window is one slice (Flink's {@code WindowedSliceAssigner}).
 *
 * <p>Immutable and thread-safe.
 */
public abstract class SliceAssigner implements Serializable {
    private static final long serialVersionUID = 1L;

    final long sliceSize;
    final long offset;
    private ZoneId shiftTimeZone = ZoneOffset.UTC;

    SliceAssigner(long sliceSize, long offset) {
        this.sliceSize = sliceSize;
        this.offset = offset;
    }

    public static SliceAssigner tumble(long size, long offset) {
        positive("TUMBLE size", size);
        return new Tumble(size, offset);
    }

    public static SliceAssigner hop(long size, long slide, long offset) {
        positive("HOP size", size);
        positive("HOP slide", slide);
        return new Hop(size, slide, offset);
    }

    /** @throws IllegalArgumentException unless {@code maxSize} is a multiple of {@code step} (as in Flink) */
    public static SliceAssigner cumulate(long maxSize, long step, long offset) {
        positive("CUMULATE max size", maxSize);
        positive("CUMULATE step", step);
        if (maxSize % step != 0) {
            throw new IllegalArgumentException("CUMULATE window max size (" + maxSize + " ms) must be an integral multiple of "
                + "its step (" + step + " ms)");
        }
        return new Cumulate(maxSize, step, offset);
    }

    /**
     * Windows read from the rows' {@code window_end} values (pass those to {@link #assignSliceEnd}) of
     * windows cut by {@code inner}, which gives their starts.
     */
    public static SliceAssigner windowed(SliceAssigner inner) {
        return new Windowed(inner);
    }

    private static void positive(String what, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + millis + " ms");
        }
    }

    /** This assigner with windows aligned in {@code zone} (for {@code TIMESTAMP_LTZ} time attributes). */
    public final SliceAssigner withShiftTimeZone(ZoneId zone) {
        SliceAssigner copy = copy();
        copy.shiftTimeZone = Objects.requireNonNull(zone, "zone").normalized();
        return copy;
    }

    abstract SliceAssigner copy();

    private boolean isUtc() {
        return shiftTimeZone == ZoneOffset.UTC || shiftTimeZone.equals(ZoneOffset.UTC);
    }

    /** The end of the slice holding the row of time {@code epochMillis} (an instant, or a TIMESTAMP value). */
    public long assignSliceEnd(long epochMillis) {
        if (isUtc()) {
            return sliceEnd(epochMillis);
        }
        int offsetSeconds = shiftTimeZone.getRules().getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
        return sliceEnd(epochMillis + offsetSeconds * 1000L);
    }

    /** The time (watermark or clock) at which the window ending at {@code windowEnd} fires: its last millisecond. */
    public final long triggerTime(long windowEnd) {
        long last = windowEnd - 1;
        if (isUtc()) {
            return last;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(last, 1000L),
            (int) Math.floorMod(last, 1000L) * 1_000_000, ZoneOffset.UTC);
        return local.atZone(shiftTimeZone).toInstant().toEpochMilli();
    }

    /** The end of the slice holding {@code timestamp} (in the window's own, possibly shifted, time). */
    public final long sliceEnd(long timestamp) {
        return alignDown(timestamp, sliceSize) + sliceSize;
    }

    final long alignDown(long timestamp, long size) {
        return timestamp - Math.floorMod(timestamp - offset, size);
    }

    /** The first (earliest-ending) window that contains the slice ending at {@code sliceEnd}. */
    public abstract long firstWindowEnd(long sliceEnd);

    /** The last window that contains the slice: once it fired, the slice can be dropped. */
    public abstract long lastWindowEnd(long sliceEnd);

    /** The window after {@code windowEnd} among those of one slice (call while {@code <= lastWindowEnd}). */
    public abstract long nextWindowEnd(long windowEnd);

    /** The start of the window ending at {@code windowEnd}. */
    public abstract long windowStart(long windowEnd);

    /** The end of the first slice of the window ending at {@code windowEnd}; slices follow every {@link #sliceSize()}. */
    public long firstSliceEnd(long windowEnd) {
        return windowStart(windowEnd) + sliceSize;
    }

    public final long sliceSize() {
        return sliceSize;
    }

    static final class Tumble extends SliceAssigner {
        private static final long serialVersionUID = 1L;

        Tumble(long size, long offset) {
            super(size, offset);
        }

        @Override
        SliceAssigner copy() {
            return new Tumble(sliceSize, offset);
        }

        @Override
        public long firstWindowEnd(long sliceEnd) {
            return sliceEnd;
        }

        @Override
        public long lastWindowEnd(long sliceEnd) {
            return sliceEnd;
        }

        @Override
        public long nextWindowEnd(long windowEnd) {
            return windowEnd + sliceSize;
        }

        @Override
        public long windowStart(long windowEnd) {
            return windowEnd - sliceSize;
        }
    }

    static final class Hop extends SliceAssigner {
        private static final long serialVersionUID = 1L;
        private final long size;
        private final long slide;

        Hop(long size, long slide, long offset) {
            super(gcd(size, slide), offset);
            this.size = size;
            this.slide = slide;
        }

        @Override
        SliceAssigner copy() {
            return new Hop(size, slide, offset);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        /** Window ends lie on {@code offset + size + k * slide}. */
        private long alignEndDown(long t) {
            return t - Math.floorMod(t - offset - size, slide);
        }

        @Override
        public long firstWindowEnd(long sliceEnd) {
            return sliceEnd + Math.floorMod(offset + size - sliceEnd, slide);
        }

        @Override
        public long lastWindowEnd(long sliceEnd) {
            return alignEndDown(sliceEnd - sliceSize + size);
        }

        @Override
        public long nextWindowEnd(long windowEnd) {
            return windowEnd + slide;
        }

        @Override
        public long windowStart(long windowEnd) {
            return windowEnd - size;
        }
    }

    static final class Cumulate extends SliceAssigner {
        private static final long serialVersionUID = 1L;
        private final long maxSize;

        Cumulate(long maxSize, long step, long offset) {
            super(step, offset);
            this.maxSize = maxSize;
        }

        @Override
        SliceAssigner copy() {
            return new Cumulate(maxSize, sliceSize, offset);
        }

        @Override
        public long firstWindowEnd(long sliceEnd) {
            return sliceEnd;
        }

        @Override
        public long lastWindowEnd(long sliceEnd) {
            return alignDown(sliceEnd - 1, maxSize) + maxSize;
        }

        @Override
        public long nextWindowEnd(long windowEnd) {
            return windowEnd + sliceSize;
        }

        @Override
        public long windowStart(long windowEnd) {
            return alignDown(windowEnd - 1, maxSize);
        }
    }

    /** One slice per window, the window a row already carries: {@code assignSliceEnd(window_end) = window_end}. */
    static final class Windowed extends SliceAssigner {
        private static final long serialVersionUID = 1L;
        private final SliceAssigner inner;

        /** Slice size 1: the one slice of a window ends at the window's end, so the slices after it start beyond it. */
        Windowed(SliceAssigner inner) {
            super(1, 0);
            this.inner = Objects.requireNonNull(inner, "inner");
        }

        @Override
        SliceAssigner copy() {
            return new Windowed(inner);
        }

        @Override
        public long assignSliceEnd(long windowEnd) {
            return windowEnd;
        }

        @Override
        public long firstSliceEnd(long windowEnd) {
            return windowEnd;
        }

        @Override
        public long firstWindowEnd(long sliceEnd) {
            return sliceEnd;
        }

        @Override
        public long lastWindowEnd(long sliceEnd) {
            return sliceEnd;
        }

        @Override
        public long nextWindowEnd(long windowEnd) {
            return inner.nextWindowEnd(windowEnd);
        }

        @Override
        public long windowStart(long windowEnd) {
            return inner.windowStart(windowEnd);
        }
    }
}
