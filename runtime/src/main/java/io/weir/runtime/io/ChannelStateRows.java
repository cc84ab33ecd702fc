package io.weir.runtime.io;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of in-flight rows persisted as channel state by unaligned checkpoints. Channels carry
 * untyped rows (edges know no row type), so every value is written with a one-byte tag for its
 * class: the value classes of DESIGN.md section 2 (Boolean, Byte, Short, Integer, Long, Float,
 * Double, BigDecimal, String, byte[], List, Map, nested Row) and null. Stateless; any thread.
 *
 * <p>Layout of one buffer: row count (int), then per row its kind (byte), arity (int) and tagged
 * fields.
 */
public final class ChannelStateRows {
    private static final byte NULL = 0;
    private static final byte BOOLEAN = 1;
    private static final byte BYTE = 2;
    private static final byte SHORT = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte FLOAT = 6;
    private static final byte DOUBLE = 7;
    private static final byte DECIMAL = 8;
    private static final byte STRING = 9;
    private static final byte BYTES = 10;
    private static final byte LIST = 11;
    private static final byte MAP = 12;
    private static final byte ROW = 13;

    private ChannelStateRows() {
    }

    public static byte[] serialize(List<Row> rows) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + rows.size() * 32);
        out.writeInt(rows.size());
        for (Row r : rows) {
            writeRow(r, out);
        }
        return out.toByteArray();
    }

    public static List<Row> deserialize(byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt channel state: negative row count " + n);
        }
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(readRow(in));
        }
        return rows;
    }

    /** About the bytes {@link #serialize} would write for the batch's rows, without writing them (for alignment metrics). */
    public static long estimateSize(Batch batch) {
        long size = 0;
        for (int i = 0; i < batch.size(); i++) {
            size += estimateRow(batch.get(i));
        }
        return size;
    }

    private static long estimateRow(Row r) {
        long size = 5;
        for (int i = 0; i < r.arity(); i++) {
            Object v = r.getField(i);
            size += 1 + (v == null ? 0 : v instanceof String s ? 4 + s.length() : v instanceof Row nested ? estimateRow(nested)
                : v instanceof byte[] b ? 4 + b.length : v instanceof java.util.Collection<?> c ? 4 + 9L * c.size()
                : v instanceof Map<?, ?> m ? 4 + 18L * m.size() : 8);
        }
        return size;
    }

    private static void writeRow(Row r, DataOutputSerializer out) throws IOException {
        out.writeByte(r.getKind().toByteValue());
        out.writeInt(r.arity());
        for (int i = 0; i < r.arity(); i++) {
            writeValue(r.getField(i), out);
        }
    }

    private static Row readRow(DataInputDeserializer in) throws IOException {
        RowKind kind = RowKind.fromByteValue(in.readByte());
        Object[] fields = new Object[in.readInt()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = readValue(in);
        }
        return new Row(kind, fields);
    }

    private static void writeValue(Object v, DataOutputSerializer out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            out.writeInt(d.scale());
            writeBytes(d.unscaledValue().toByteArray(), out);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            writeBytes(b, out);
        } else if (v instanceof List<?> l) {
            out.writeByte(LIST);
            out.writeInt(l.size());
            for (Object e : l) {
                writeValue(e, out);
            }
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                writeValue(e.getKey(), out);
                writeValue(e.getValue(), out);
            }
        } else if (v instanceof Row r) {
            out.writeByte(ROW);
            writeRow(r, out);
        } else {
            throw new IOException("not supported yet: in-flight value of class " + v.getClass().getName()
                + " in an unaligned checkpoint's channel state: " + v);
        }
    }

    private static void writeBytes(byte[] b, DataOutputSerializer out) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputDeserializer in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    private static Object readValue(DataInputDeserializer in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case BOOLEAN: return in.readBoolean();
            case BYTE: return in.readByte();
            case SHORT: return in.readShort();
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case FLOAT: return in.readFloat();
            case DOUBLE: return in.readDouble();
            case DECIMAL: {
                int scale = in.readInt();
                return new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case STRING: return in.readUTF();
            case BYTES: return readBytes(in);
            case LIST: {
                int n = in.readInt();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(readValue(in));
                }
                return l;
            }
            case MAP: {
                int n = in.readInt();
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(readValue(in), readValue(in));
                }
                return m;
            }
            case ROW: return readRow(in);
            default: throw new IOException("corrupt channel state: unknown value tag " + tag);
        }
    }
}
