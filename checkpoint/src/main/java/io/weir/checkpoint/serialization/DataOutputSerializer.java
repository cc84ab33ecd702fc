package io.weir.checkpoint.serialization;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable, reusable byte buffer that serializers write into, big-endian like
 * {@link java.io.DataOutputStream}. Not thread-safe; {@link #clear()} to reuse it.
 *
 * <p>Strings written with {@link #writeUTF} are length-prefixed UTF-8 with a 4-byte length, so that
 * strings longer than 64 KiB work (unlike {@code DataOutputStream.writeUTF}).
 */
public final class DataOutputSerializer implements DataOutputView {
    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int initialSize) {
        if (initialSize < 1) {
            throw new IllegalArgumentException("initialSize must be positive: " + initialSize);
        }
        this.buffer = new byte[initialSize];
    }

    /** The bytes written since the last {@link #clear()}, copied. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    public int length() {
        return position;
    }

    public void clear() {
        position = 0;
    }

    /** Sets the write position, e.g. to patch a length field written earlier. */
    public void setPosition(int newPosition) {
        if (newPosition < 0 || newPosition > buffer.length) {
            throw new IndexOutOfBoundsException("position " + newPosition + " outside [0, " + buffer.length + "]");
        }
        position = newPosition;
    }

    private void ensure(int extra) {
        int needed = position + extra;
        if (needed < 0) {
            throw new IllegalStateException("serialized record is larger than 2 GiB");
        }
        if (needed > buffer.length) {
            int newSize = Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L));
            buffer = Arrays.copyOf(buffer, newSize);
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        buffer[position++] = (byte) (v >>> 24);
        buffer[position++] = (byte) (v >>> 16);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (v >>> shift);
        }
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        write(bytes);
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensure(numBytes);
        int done = 0;
        while (done < numBytes) {
            int n = source.read(buffer, position + done, numBytes - done);
            if (n < 0) {
                throw new EOFException("source ended after " + done + " of " + numBytes + " bytes");
            }
            done += n;
        }
        position += numBytes;
    }
}
