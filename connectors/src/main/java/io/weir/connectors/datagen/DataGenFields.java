package io.weir.connectors.datagen;

import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.TimestampUnits;
import io.weir.runtime.types.TypeRoot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the {@link FieldGenerator} of one column from its {@code fields.<name>.*} options. */
final class DataGenFields {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int DEFAULT_COLLECTION_SIZE = 3;

    private final String table;
    private final String field;
    private final Map<String, String> opts;

    /** @param opts this field's options without the {@code fields.<name>.} prefix */
    DataGenFields(String table, String field, Map<String, String> opts) {
        this.table = table;
        this.field = field;
        this.opts = opts;
    }

    boolean isSequence() {
        String kind = opts.getOrDefault("kind", "random");
        if (!kind.equals("random") && !kind.equals("sequence")) {
            throw error("kind", kind, "random, sequence");
        }
        return kind.equals("sequence");
    }

    /** For a sequence: how many values it has ({@code end - start + 1}). */
    long sequenceLength(DataType type) {
        BigDecimal start = number(type, "start", null);
        BigDecimal end = number(type, "end", null);
        if (start == null || end == null) {
            throw new ValidationException("Table '" + table + "': a sequence field needs both 'fields." + field
                + ".start' and 'fields." + field + ".end'");
        }
        if (end.compareTo(start) < 0) {
            throw error("end", end.toPlainString(), "a number >= fields." + field + ".start");
        }
        return end.subtract(start).longValueExact() + 1;
    }

    FieldGenerator sequence(DataType type) {
        long start = number(type, "start", null).longValueExact();
        Function<Long, Object> cast = castFromLong(type);
        return (index, anchor, random) -> cast.apply(start + index);
    }

    private Function<Long, Object> castFromLong(DataType type) {
        switch (type.root()) {
            case TINYINT: return Long::byteValue;
            case SMALLINT: return Long::shortValue;
            case INTEGER: return Long::intValue;
            case BIGINT: return v -> v;
            case FLOAT: return Long::floatValue;
            case DOUBLE: return Long::doubleValue;
            case DECIMAL: return v -> BigDecimal.valueOf(v).setScale(type.scale(), RoundingMode.UNNECESSARY);
            case CHAR:
            case VARCHAR: return String::valueOf;
            default: throw new ValidationException("Table '" + table + "': field '" + field + "' of type " + type
                + " cannot be a sequence. Sequences are numbers or strings");
        }
    }

    /** A random generator for {@code type}, honouring min, max, length, var-len and max-past. */
    FieldGenerator random(DataType type, double rowsPerSecond) {
        switch (type.root()) {
            case BOOLEAN: return (i, a, r) -> r.nextBoolean();
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT: return randomLong(type);
            case FLOAT:
            case DOUBLE: {
                double min = number(type, "min", BigDecimal.ZERO).doubleValue();
                double max = number(type, "max", BigDecimal.ONE).doubleValue();
                return type.root() == TypeRoot.FLOAT ? (i, a, r) -> (float) uniform(r, min, max) : (i, a, r) -> uniform(r, min, max);
            }
            case DECIMAL: {
                BigDecimal limit = BigDecimal.TEN.pow(type.precision() - type.scale()).subtract(BigDecimal.ONE);
                double min = number(type, "min", BigDecimal.ZERO).doubleValue();
                double max = number(type, "max", limit).doubleValue();
                return (i, a, r) -> BigDecimal.valueOf(uniform(r, min, max)).setScale(type.scale(), RoundingMode.DOWN);
            }
            case CHAR:
            case VARCHAR: {
                int len = length(type.length() == Integer.MAX_VALUE ? 100 : type.length());
                boolean varLen = bool("var-len");
                return (i, a, r) -> hex(r, varLen ? 1 + r.nextInt(len) : len);
            }
            case BINARY:
            case VARBINARY: {
                int len = length(type.length() == Integer.MAX_VALUE ? 100 : type.length());
                return (i, a, r) -> {
                    byte[] b = new byte[len];
                    r.nextBytes(b);
                    return b;
                };
            }
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case DATE:
            case TIME: return randomTime(type, rowsPerSecond);
            case ARRAY: {
                FieldGenerator e = nested(type.elementType(), rowsPerSecond);
                int n = length(DEFAULT_COLLECTION_SIZE);
                return (i, a, r) -> {
                    List<Object> list = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        list.add(e.value(i, a, r));
                    }
                    return list;
                };
            }
            case MAP: {
                FieldGenerator k = nested(type.keyType(), rowsPerSecond);
                FieldGenerator v = nested(type.valueType(), rowsPerSecond);
                int n = length(DEFAULT_COLLECTION_SIZE);
                return (i, a, r) -> {
                    Map<Object, Object> map = new HashMap<>();
                    for (int c = 0; c < n; c++) {
                        map.put(k.value(i, a, r), v.value(i, a, r));
                    }
                    return map;
                };
            }
            case ROW: {
                FieldGenerator[] fs = new FieldGenerator[type.rowType().arity()];
                for (int f = 0; f < fs.length; f++) {
                    fs[f] = nested(type.rowType().fieldType(f), rowsPerSecond);
                }
                return (i, a, r) -> {
                    Object[] values = new Object[fs.length];
                    for (int f = 0; f < fs.length; f++) {
                        values[f] = fs[f].value(i, a, r);
                    }
                    return Row.of(values);
                };
            }
            default: throw new ValidationException("Table '" + table + "': not supported yet: datagen for field '" + field
                + "' of type " + type);
        }
    }

    private FieldGenerator nested(DataType type, double rowsPerSecond) {
        return new DataGenFields(table, field, Map.of()).random(type, rowsPerSecond);
    }

    private FieldGenerator randomLong(DataType type) {
        long lo;
        long hi;
        switch (type.root()) {
            case TINYINT: lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; break;
            case SMALLINT: lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; break;
            case INTEGER: lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; break;
            default: lo = Long.MIN_VALUE; hi = Long.MAX_VALUE;
        }
        long min = number(type, "min", BigDecimal.valueOf(lo)).longValueExact();
        long max = number(type, "max", BigDecimal.valueOf(hi)).longValueExact();
        if (min > max) {
            throw error("min", String.valueOf(min), "a number <= fields." + field + ".max");
        }
        Function<Long, Object> cast = castFromLong(type);
        return (i, a, r) -> cast.apply(max == Long.MAX_VALUE && min == Long.MIN_VALUE ? r.nextLong()
            : max == Long.MAX_VALUE ? r.nextLong(min, max) : r.nextLong(min, max + 1));
    }

    /**
     * Times before the row's own moment: {@code anchor + index / rate} minus up to {@code max-past},
     * so values are deterministic for a seed and the anchor recorded in the split.
     */
    private FieldGenerator randomTime(DataType type, double rowsPerSecond) {
        long maxPast = opts.containsKey("max-past") ? duration("max-past").toMillis() : 0;
        double millisPerRow = rowsPerSecond > 0 ? 1000.0 / rowsPerSecond : 0;
        return (i, a, r) -> {
            long t = a + (long) (i * millisPerRow) - (maxPast > 0 ? r.nextLong(maxPast + 1) : 0);
            switch (type.root()) {
                case DATE: return (int) Math.floorDiv(t, 86_400_000L);
                case TIME: return (int) Math.floorMod(t, 86_400_000L);
                default: return TimestampUnits.fromMillis(t, type.precision());
            }
        };
    }

    private static double uniform(java.util.SplittableRandom r, double min, double max) {
        return max > min ? r.nextDouble(min, max) : min;
    }

    private static String hex(java.util.SplittableRandom r, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = HEX[r.nextInt(16)];
        }
        return new String(c);
    }

    private BigDecimal number(DataType type, String key, BigDecimal dflt) {
        String v = opts.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw error(key, v, "a number for type " + type);
        }
    }

    private int length(int dflt) {
        String v = opts.get("length");
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error("length", v, "a positive integer");
    }

    private boolean bool(String key) {
        String v = opts.getOrDefault(key, "false");
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw error(key, v, "true, false");
        }
        return Boolean.parseBoolean(v);
    }

    private Duration duration(String key) {
        try {
            return io.weir.checkpoint.config.ConfigOptions.parseDuration(opts.get(key));
        } catch (IllegalArgumentException e) {
            throw error(key, opts.get(key), "a duration such as '5 s' or '1 min'");
        }
    }

    double nullRate() {
        String v = opts.get("null-rate");
        if (v == null) {
            return 0;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error("null-rate", v, "a number between 0 and 1");
    }

    private ValidationException error(String key, String value, String valid) {
        return new ValidationException("Table '" + table + "': invalid value '" + value + "' for option 'fields." + field
            + "." + key + "'. Valid values: " + valid);
    }

}
