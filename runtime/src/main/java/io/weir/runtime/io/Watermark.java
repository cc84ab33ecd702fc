package io.weir.runtime.io;

/** No row with event time {@code <= timestamp} follows on this channel. */
public final class Watermark implements StreamEvent {
    /** Sent by a bounded source before {@link EndOfInput}: fires every pending event-time timer. */
    public static final Watermark MAX = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "Watermark(" + timestamp + ")";
    }
}
