package io.weir.codegen.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runtime implementations of Flink's array, map and JSON-serialization built-ins (see
 * {@link FlinkBuiltins}). Arrays are {@link List}s and maps {@link Map}s of Calcite's internal
 * values. Methods with boxed parameters get NULL arguments and handle them as Flink does; the
 * others are only called with non-NULL arguments.
 */
public final class FlinkCollectionFunctions {
    private FlinkCollectionFunctions() {
    }

    /** {@code ARRAY_APPEND(array, element)}: NULL for a NULL array; a NULL element is appended. */
    public static List<Object> arrayAppend(List<?> array, Object element) {
        if (array == null) {
            return null;
        }
        List<Object> r = new ArrayList<>(array);
        r.add(element);
        return r;
    }

    /** {@code ARRAY_PREPEND(array, element)}. */
    public static List<Object> arrayPrepend(List<?> array, Object element) {
        if (array == null) {
            return null;
        }
        List<Object> r = new ArrayList<>(array.size() + 1);
        r.add(element);
        r.addAll(array);
        return r;
    }

    /** {@code ARRAY_POSITION(array, element)}: 1-based index of the first equal element, 0 if none. */
    public static int arrayPosition(List<?> array, Object element) {
        return array.indexOf(element) + 1;
    }

    /** {@code ARRAY_REMOVE(array, element)}: every equal element removed (NULL removes NULLs). */
    public static List<Object> arrayRemove(List<?> array, Object element) {
        if (array == null) {
            return null;
        }
        List<Object> r = new ArrayList<>();
        for (Object o : array) {
            if (!Objects.equals(o, element)) {
                r.add(o);
            }
        }
        return r;
    }

    /** {@code ARRAY_SLICE(array, start)}: from {@code start} to the end. */
    public static List<Object> arraySlice(List<?> array, int start) {
        return arraySlice(array, start, array.size());
    }

    /**
     * {@code ARRAY_SLICE(array, start, end)}: elements {@code start..end} inclusive, 1-based, 0 is
     * the first, negative offsets count from the end; empty if the range is empty.
     */
    public static List<Object> arraySlice(List<?> array, int start, int end) {
        int size = array.size();
        int from = start > 0 ? start : start == 0 ? 1 : size + start + 1;
        int to = end > 0 ? end : end == 0 ? 1 : size + end + 1;
        from = Math.max(from, 1);
        to = Math.min(to, size);
        if (from > to) {
            return new ArrayList<>();
        }
        return new ArrayList<>(array.subList(from - 1, to));
    }

    /** {@code ARRAY_SORT(array)}: ascending, NULLs first. */
    public static List<Object> arraySort(List<?> array) {
        return arraySort(array, true);
    }

    /** {@code ARRAY_SORT(array, ascending)}: NULLs first when ascending, last when descending. */
    public static List<Object> arraySort(List<?> array, boolean ascending) {
        return arraySort(array, ascending, ascending);
    }

    /** {@code ARRAY_SORT(array, ascending, nullsFirst)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Object> arraySort(List<?> array, boolean ascending, boolean nullsFirst) {
        Comparator<Object> natural = (a, b) -> ((Comparable) a).compareTo(b);
        Comparator<Object> order = ascending ? natural : natural.reversed();
        List<Object> r = new ArrayList<>(array);
        r.sort(nullsFirst ? Comparator.nullsFirst(order) : Comparator.nullsLast(order));
        return r;
    }

    /** {@code ARRAY_UNION(a, b)}: the distinct elements of both, in order. */
    public static List<Object> arrayUnion(List<?> a, List<?> b) {
        LinkedHashSet<Object> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /** {@code ARRAY_CONCAT(a, b, ...)}: NULL if any array is NULL. */
    public static List<Object> arrayConcat(Object[] arrays) {
        List<Object> r = new ArrayList<>();
        for (Object a : arrays) {
            if (a == null) {
                return null;
            }
            r.addAll((List<?>) a);
        }
        return r;
    }

    /** {@code ARRAY_EXCEPT(a, b)}: the distinct elements of {@code a} not in {@code b}, in order. */
    public static List<Object> arrayExcept(List<?> a, List<?> b) {
        LinkedHashSet<Object> r = new LinkedHashSet<>(a);
        r.removeAll(new LinkedHashSet<>(b));
        return new ArrayList<>(r);
    }

    /** {@code ARRAY_INTERSECT(a, b)}: the distinct elements of {@code a} also in {@code b}, in order. */
    public static List<Object> arrayIntersect(List<?> a, List<?> b) {
        LinkedHashSet<Object> r = new LinkedHashSet<>(a);
        r.retainAll(new LinkedHashSet<>(b));
        return new ArrayList<>(r);
    }

    /** {@code ARRAY_MAX(array)}: the largest non-NULL element, NULL if there is none. */
    public static Object arrayMax(List<?> array) {
        return extreme(array, 1);
    }

    /** {@code ARRAY_MIN(array)}: the smallest non-NULL element, NULL if there is none. */
    public static Object arrayMin(List<?> array) {
        return extreme(array, -1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(List<?> array, int sign) {
        Object best = null;
        for (Object o : array) {
            if (o != null && (best == null || sign * ((Comparable) o).compareTo(best) > 0)) {
                best = o;
            }
        }
        return best;
    }

    /**
     * {@code SPLIT(s, delimiter)}: the parts between (literal) delimiters, empty parts kept; each
     * character for an empty delimiter.
     */
    public static List<String> split(String s, String delimiter) {
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            for (int i = 0; i < s.length(); i++) {
                parts.add(String.valueOf(s.charAt(i)));
            }
            return parts;
        }
        int start = 0;
        int at;
        while ((at = s.indexOf(delimiter, start)) >= 0) {
            parts.add(s.substring(start, at));
            start = at + delimiter.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** {@code MAP_FROM_ARRAYS(keys, values)}: an error if their lengths differ. */
    public static Map<Object, Object> mapFromArrays(List<?> keys, List<?> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("MAP_FROM_ARRAYS: the key array has " + keys.size()
                + " elements but the value array " + values.size());
        }
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), values.get(i));
        }
        return m;
    }

    /** {@code JSON_STRING(value)}: numbers, booleans, strings, arrays and maps as JSON text. */
    public static String jsonString(Object value) {
        StringBuilder b = new StringBuilder();
        writeJson(b, value);
        return b.toString();
    }

    private static void writeJson(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof BigDecimal) {
            b.append(((BigDecimal) v).toString());
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof List) {
            b.append('[');
            boolean first = true;
            for (Object o : (List<?>) v) {
                if (!first) {
                    b.append(',');
                }
                writeJson(b, o);
                first = false;
            }
            b.append(']');
        } else if (v instanceof Map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                writeJson(b, String.valueOf(e.getKey()));
                b.append(':');
                writeJson(b, e.getValue());
                first = false;
            }
            b.append('}');
        } else {
            quote(b, v.toString());
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
