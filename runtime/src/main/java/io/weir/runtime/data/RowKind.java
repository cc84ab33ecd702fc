package io.weir.runtime.data;

/**
 * The change a {@link Row} describes in a changelog stream.
 *
 * <p>An insert-only stream carries only {@link #INSERT}. A retracting stream carries the old
 * version of a row as {@link #UPDATE_BEFORE} and the new one as {@link #UPDATE_AFTER}; an upsert
 * stream may omit the {@code UPDATE_BEFORE}.
 */
public enum RowKind {
    INSERT("+I", (byte) 0),
    UPDATE_BEFORE("-U", (byte) 1),
    UPDATE_AFTER("+U", (byte) 2),
    DELETE("-D", (byte) 3);

    private static final RowKind[] BY_VALUE = values();

    private final String shortString;
    private final byte value;

    RowKind(String shortString, byte value) {
        this.shortString = shortString;
        this.value = value;
    }

    /** The short form used when printing changelogs: {@code +I}, {@code -U}, {@code +U}, {@code -D}. */
    public String shortString() {
        return shortString;
    }

    /** A stable byte for serialization; never reorder the constants. */
    public byte toByteValue() {
        return value;
    }

    public static RowKind fromByteValue(byte value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new IllegalArgumentException("Unknown row kind byte: " + value);
        }
        return BY_VALUE[value];
    }

    /** Parses {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
    public static RowKind fromShortString(String s) {
        for (RowKind k : BY_VALUE) {
            if (k.shortString.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown row kind '" + s + "', expected one of +I, -U, +U, -D");
    }

    /** True for {@link #INSERT} and {@link #UPDATE_AFTER}: the row is added to the result. */
    public boolean isAccumulate() {
        return this == INSERT || this == UPDATE_AFTER;
    }

    /** True for {@link #UPDATE_BEFORE} and {@link #DELETE}: the row is taken out of the result. */
    public boolean isRetract() {
        return this == UPDATE_BEFORE || this == DELETE;
    }
}
