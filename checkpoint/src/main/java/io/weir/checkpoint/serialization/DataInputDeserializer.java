package io.weir.checkpoint.serialization;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link DataOutputSerializer} wrote, from a byte array region. Not thread-safe;
 * {@link #setBuffer} to reuse it.
 */
public final class DataInputDeserializer implements DataInputView {
    private byte[] buffer;
    private int position;
    private int end;

    public DataInputDeserializer() {
        this(new byte[0]);
    }

    public DataInputDeserializer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public DataInputDeserializer(byte[] buffer, int start, int len) {
        setBuffer(buffer, start, len);
    }

    public void setBuffer(byte[] newBuffer, int start, int len) {
        if (start < 0 || len < 0 || start + len > newBuffer.length) {
            throw new IndexOutOfBoundsException("region [" + start + ", " + (start + len) + ") outside buffer of " + newBuffer.length);
        }
        this.buffer = newBuffer;
        this.position = start;
        this.end = start + len;
    }

    public void setBuffer(byte[] newBuffer) {
        setBuffer(newBuffer, 0, newBuffer.length);
    }

    public int getPosition() {
        return position;
    }

    public int available() {
        return end - position;
    }

    private void need(int n) throws EOFException {
        if (end - position < n) {
            throw new EOFException("needed " + n + " bytes, " + (end - position) + " left");
        }
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= end) {
            return len == 0 ? 0 : -1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void skipBytesToRead(int numBytes) throws EOFException {
        need(numBytes);
        position += numBytes;
    }

    @Override
    public void readFully(byte[] b) throws EOFException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws EOFException {
        need(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws EOFException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws EOFException {
        need(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws EOFException {
        return readByte() & 0xff;
    }

    @Override
    public short readShort() throws EOFException {
        need(2);
        short v = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws EOFException {
        return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws EOFException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws EOFException {
        need(4);
        int v = ((buffer[position] & 0xff) << 24) | ((buffer[position + 1] & 0xff) << 16)
            | ((buffer[position + 2] & 0xff) << 8) | (buffer[position + 3] & 0xff);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws EOFException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buffer[position + i] & 0xff);
        }
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws EOFException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws EOFException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() throws EOFException {
        if (position >= end) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xff);
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Reads a string written by {@link DataOutputSerializer#writeUTF} (4-byte length, UTF-8). */
    @Override
    public String readUTF() throws EOFException {
        int len = readInt();
        if (len < 0) {
            throw new EOFException("negative string length " + len + ": corrupt input");
        }
        need(len);
        String s = new String(buffer, position, len, StandardCharsets.UTF_8);
        position += len;
        return s;
    }
}
