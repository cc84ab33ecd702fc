package io.weir.connectors.format;

/**
 * A reusable {@link CharSequence} view of ASCII bytes, so that text such as timestamps can be
 * parsed straight from an input buffer without creating a String. Not thread-safe.
 */
public final class AsciiView implements CharSequence {
    private byte[] bytes;
    private int offset;
    private int length;

    /** Points this view at {@code bytes[offset, offset + length)} and returns it. */
    public AsciiView of(byte[] b, int off, int len) {
        this.bytes = b;
        this.offset = off;
        this.length = len;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[offset + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
