package io.weir.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property tests: random row types and values of every SQL type round-trip, including nulls and extremes. */
class RowSerializerTest {
    private static final DataType[] SCALARS = {
        DataType.booleanType(), DataType.tinyint(), DataType.smallint(), DataType.integer(), DataType.bigint(),
        DataType.floatType(), DataType.doubleType(), DataType.decimal(38, 10), DataType.charType(3), DataType.string(),
        DataType.varbinary(100), DataType.binary(4), DataType.date(), DataType.time(3), DataType.timestamp(3),
        DataType.timestampLtz(6), DataType.intervalYearMonth(), DataType.intervalDayTime(), DataType.nullType(),
    };
    private static final String[] STRINGS = {"", "a", "héllo wörld", "日本語テキスト", "emoji \uD83D\uDE00", "x".repeat(70_000)};

    private final Random random = new Random(42);

    @Test
    void shouldRoundTripRandomRowsOfEveryType() throws IOException {
        for (int round = 0; round < 300; round++) {
            RowType type = randomRowType(0);
            RowSerializer s = new RowSerializer(type);
            for (int i = 0; i < 5; i++) {
                Row row = randomRow(type, 0);
                byte[] bytes = s.serializeToBytes(row);
                Row back = s.deserializeFromBytes(bytes);
                // byte[] inside lists and maps compare by identity in Row.equals, so compare the encodings too
                assertArrayEquals(bytes, s.serializeToBytes(back), "type " + type);
                assertArrayEquals(bytes, s.serializeToBytes(s.copy(row)), "copy of type " + type);
                assertEquals(row.toString().replaceAll("\\[B@[0-9a-f]+", "bytes"), back.toString().replaceAll("\\[B@[0-9a-f]+", "bytes"));
            }
        }
    }

    @Test
    void shouldKeepTheRowKindAndAnAllNullRow() throws IOException {
        RowType type = RowType.of(new String[] {"a", "b"}, new DataType[] {DataType.integer(), DataType.string()});
        RowSerializer s = new RowSerializer(type);
        Row r = Row.ofKind(RowKind.UPDATE_BEFORE, null, null);
        assertEquals(r, s.deserializeFromBytes(s.serializeToBytes(r)));
        assertEquals(1 + 1, s.serializeToBytes(r).length, "kind byte + one bitmap byte, nothing else");
    }

    @Test
    void shouldCopyNestedMutableValuesDeeply() {
        RowType inner = RowType.of(new String[] {"x"}, new DataType[] {DataType.varbinary(10)});
        RowType type = RowType.of(new String[] {"r", "l"}, new DataType[] {DataType.row(inner), DataType.array(DataType.integer())});
        Row original = Row.of(Row.of((Object) new byte[] {1}), new ArrayList<>(List.of(1, 2)));
        Row copy = new RowSerializer(type).copy(original);
        assertEquals(original, copy);
        assertNotSame(original.getField(0), copy.getField(0));
        assertNotSame(original.getField(1), copy.getField(1));
    }

    @Test
    void whenAFieldHasTheWrongJavaClass_thenTheErrorNamesTheField() {
        RowType type = RowType.of(new String[] {"amount"}, new DataType[] {DataType.bigint()});
        IOException e = assertThrows(IOException.class, () -> new RowSerializer(type).serializeToBytes(Row.of("oops")));
        assertEquals(true, e.getMessage().contains("'amount'"), e.getMessage());
    }

    private RowType randomRowType(int depth) {
        int n = random.nextInt(depth == 0 ? 12 : 4) + 1;
        String[] names = new String[n];
        DataType[] types = new DataType[n];
        for (int i = 0; i < n; i++) {
            names[i] = "f" + i;
            types[i] = randomType(depth);
        }
        return RowType.of(names, types);
    }

    private DataType randomType(int depth) {
        int pick = random.nextInt(depth < 2 ? SCALARS.length + 4 : SCALARS.length);
        if (pick < SCALARS.length) {
            return SCALARS[pick];
        }
        switch (pick - SCALARS.length) {
            case 0: return DataType.array(randomType(depth + 1));
            case 1: return DataType.map(randomType(depth + 1), randomType(depth + 1));
            case 2: return DataType.multiset(randomType(depth + 1));
            default: return DataType.row(randomRowType(depth + 1));
        }
    }

    private Row randomRow(RowType type, int depth) {
        Object[] values = new Object[type.arity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(5) == 0 ? null : randomValue(type.fieldType(i), depth);
        }
        RowKind kind = RowKind.values()[random.nextInt(4)];
        return new Row(kind, values);
    }

    private Object randomValue(DataType t, int depth) {
        switch (t.root()) {
            case BOOLEAN: return random.nextBoolean();
            case TINYINT: return pick(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0, (byte) random.nextInt());
            case SMALLINT: return pick(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) random.nextInt());
            case INTEGER:
            case DATE:
            case TIME:
            case INTERVAL_YEAR_MONTH:
                return pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, random.nextInt());
            case BIGINT:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case INTERVAL_DAY_TIME:
                return pick(Long.MIN_VALUE, Long.MAX_VALUE, 0L, random.nextLong());
            case FLOAT: return pick(Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, random.nextFloat());
            case DOUBLE: return pick(Double.NaN, Double.MAX_VALUE, Double.MIN_VALUE, random.nextDouble());
            case DECIMAL: return pick(BigDecimal.ZERO, new BigDecimal("-99999999999999999999999999.1234567890"),
                new BigDecimal(BigInteger.valueOf(random.nextLong()), 10), new BigDecimal("1E-10"));
            case CHAR:
            case VARCHAR:
                return STRINGS[random.nextInt(STRINGS.length)];
            case BINARY:
            case VARBINARY: {
                byte[] b = new byte[random.nextInt(6)];
                random.nextBytes(b);
                return b;
            }
            case ARRAY: {
                List<Object> l = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    l.add(random.nextInt(4) == 0 ? null : randomValue(t.elementType(), depth + 1));
                }
                return l;
            }
            case MAP:
            case MULTISET: {
                Map<Object, Object> m = new LinkedHashMap<>();
                DataType k = t.root() == io.weir.runtime.types.TypeRoot.MAP ? t.keyType() : t.elementType();
                for (int i = random.nextInt(4); i > 0; i--) {
                    Object key = randomValue(k, depth + 1);
                    Object value = t.root() == io.weir.runtime.types.TypeRoot.MAP
                        ? (random.nextInt(4) == 0 ? null : randomValue(t.valueType(), depth + 1)) : random.nextInt(5) + 1;
                    if (!(key instanceof byte[]) && !(key instanceof Float) && !(key instanceof Double)) {
                        m.put(key, value);
                    }
                }
                return m;
            }
            case ROW: return randomRow(t.rowType(), depth + 1);
            default: return null;
        }
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    @Test
    void shouldSerializeEveryScalarTypeExtremes() throws IOException {
        String[] names = new String[SCALARS.length];
        Arrays.setAll(names, i -> "f" + i);
        RowSerializer s = new RowSerializer(RowType.of(names, SCALARS));
        Row row = Row.of(true, Byte.MIN_VALUE, Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Float.MIN_VALUE,
            Double.NEGATIVE_INFINITY, new BigDecimal("12345678901234567890.0123456789"), "abc", "", new byte[0],
            new byte[] {-1, 0, 1, 127}, -719162, 86_399_999, Long.MIN_VALUE, 0L, -1200, Long.MAX_VALUE, null);
        assertEquals(row, s.deserializeFromBytes(s.serializeToBytes(row)));
    }

    @Test
    void shouldIdentifyItsFormatByFieldTypesOnly() {
        RowType ab = RowType.of(new String[] {"a", "b"}, new DataType[] {DataType.bigint().notNull(), DataType.string()});
        RowType xy = RowType.of(new String[] {"x", "y"}, new DataType[] {DataType.bigint(), DataType.string()});
        RowType other = RowType.of(new String[] {"a", "b"}, new DataType[] {DataType.integer(), DataType.string()});
        assertEquals("Row<BIGINT, STRING>", new RowSerializer(ab).snapshotIdentity());
        assertEquals(new RowSerializer(ab).snapshotIdentity(), new RowSerializer(xy).snapshotIdentity());
        assertNotEquals(new RowSerializer(ab).snapshotIdentity(), new RowSerializer(other).snapshotIdentity());
    }
}
