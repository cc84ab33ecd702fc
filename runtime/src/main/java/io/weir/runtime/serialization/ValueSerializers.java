package io.weir.runtime.serialization;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serializers of non-null field values for every {@link DataType}, in the internal representation
 * of DESIGN.md section 2. Nulls are handled by the enclosing structure (row bitmap, per-element
 * flags in arrays and maps).
 */
public final class ValueSerializers {

    private ValueSerializers() {
    }

    /** A serializer of non-null values of {@code type}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeSerializer<Object> forType(DataType type) {
        switch (type.root()) {
            case BOOLEAN: return immutable((v, out) -> out.writeBoolean((Boolean) v), DataInputView::readBoolean);
            case TINYINT: return immutable((v, out) -> out.writeByte((Byte) v), DataInputView::readByte);
            case SMALLINT: return immutable((v, out) -> out.writeShort((Short) v), DataInputView::readShort);
            case INTEGER:
            case DATE:
            case TIME:
            case INTERVAL_YEAR_MONTH:
                return immutable((v, out) -> out.writeInt((Integer) v), DataInputView::readInt);
            case BIGINT:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case INTERVAL_DAY_TIME:
                return immutable((v, out) -> out.writeLong((Long) v), DataInputView::readLong);
            case FLOAT: return immutable((v, out) -> out.writeFloat((Float) v), DataInputView::readFloat);
            case DOUBLE: return immutable((v, out) -> out.writeDouble((Double) v), DataInputView::readDouble);
            case DECIMAL: return immutable(ValueSerializers::writeDecimal, ValueSerializers::readDecimal);
            case CHAR:
            case VARCHAR:
                return immutable(ValueSerializers::writeString, ValueSerializers::readString);
            case BINARY:
            case VARBINARY:
                return new BytesSerializer();
            case ARRAY: return (TypeSerializer) new ListSerializer(forType(type.elementType()));
            case MAP:
            case MULTISET: {
                DataType keyType = type.root() == io.weir.runtime.types.TypeRoot.MAP ? type.keyType() : type.elementType();
                DataType valueType = type.root() == io.weir.runtime.types.TypeRoot.MAP ? type.valueType() : DataType.integer();
                return (TypeSerializer) new MapSerializer(forType(keyType), forType(valueType));
            }
            case ROW: return (TypeSerializer) new RowSerializer(type.rowType());
            case NULL: return immutable((v, out) -> { }, in -> null);
            default: throw new IllegalArgumentException("no serializer for type " + type);
        }
    }

    static void writeString(Object v, DataOutputView out) throws IOException {
        byte[] bytes = ((String) v).getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeDecimal(Object v, DataOutputView out) throws IOException {
        BigDecimal d = (BigDecimal) v;
        byte[] unscaled = d.unscaledValue().toByteArray();
        out.writeInt(d.scale());
        out.writeInt(unscaled.length);
        out.write(unscaled);
    }

    private static BigDecimal readDecimal(DataInputView in) throws IOException {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readInt()];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    @FunctionalInterface
    private interface Writer {
        void write(Object value, DataOutputView out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader {
        Object read(DataInputView in) throws IOException;
    }

    private static TypeSerializer<Object> immutable(Writer writer, Reader reader) {
        return new TypeSerializer<>() {
            @Override
            public void serialize(Object value, DataOutputView out) throws IOException {
                writer.write(value, out);
            }

            @Override
            public Object deserialize(DataInputView in) throws IOException {
                return reader.read(in);
            }

            @Override
            public Object copy(Object value) {
                return value;
            }

            @Override
            public boolean isImmutableType() {
                return true;
            }
        };
    }

    private static final class BytesSerializer implements TypeSerializer<Object> {
        @Override
        public void serialize(Object value, DataOutputView out) throws IOException {
            byte[] b = (byte[]) value;
            out.writeInt(b.length);
            out.write(b);
        }

        @Override
        public Object deserialize(DataInputView in) throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return b;
        }

        @Override
        public Object copy(Object value) {
            return ((byte[]) value).clone();
        }
    }

    /** ARRAY: size, then per element a presence flag and the value. */
    private static final class ListSerializer implements TypeSerializer<List<Object>> {
        private final TypeSerializer<Object> element;

        ListSerializer(TypeSerializer<Object> element) {
            this.element = element;
        }

        @Override
        public void serialize(List<Object> value, DataOutputView out) throws IOException {
            out.writeInt(value.size());
            for (Object e : value) {
                writeNullable(element, e, out);
            }
        }

        @Override
        public List<Object> deserialize(DataInputView in) throws IOException {
            int n = in.readInt();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(readNullable(element, in));
            }
            return list;
        }

        @Override
        public List<Object> copy(List<Object> value) {
            List<Object> list = new ArrayList<>(value.size());
            for (Object e : value) {
                list.add(e == null ? null : element.copy(e));
            }
            return list;
        }
    }

    /** MAP (and MULTISET as element to count): size, then nullable key and nullable value per entry. */
    private static final class MapSerializer implements TypeSerializer<Map<Object, Object>> {
        private final TypeSerializer<Object> key;
        private final TypeSerializer<Object> value;

        MapSerializer(TypeSerializer<Object> key, TypeSerializer<Object> value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public void serialize(Map<Object, Object> map, DataOutputView out) throws IOException {
            out.writeInt(map.size());
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                writeNullable(key, e.getKey(), out);
                writeNullable(value, e.getValue(), out);
            }
        }

        @Override
        public Map<Object, Object> deserialize(DataInputView in) throws IOException {
            int n = in.readInt();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(readNullable(key, in), readNullable(value, in));
            }
            return map;
        }

        @Override
        public Map<Object, Object> copy(Map<Object, Object> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                copy.put(e.getKey() == null ? null : key.copy(e.getKey()), e.getValue() == null ? null : value.copy(e.getValue()));
            }
            return copy;
        }
    }

    static void writeNullable(TypeSerializer<Object> s, Object v, DataOutputView out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            s.serialize(v, out);
        }
    }

    static Object readNullable(TypeSerializer<Object> s, DataInputView in) throws IOException {
        return in.readBoolean() ? s.deserialize(in) : null;
    }

}
