package io.weir.codegen.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers that generated aggregate handles call (Janino compiles no lambdas, so they live here). */
public final class AggFunctions {
    private AggFunctions() {
    }

    /** Adds one occurrence of {@code key}; returns the new count. */
    public static long increment(Map<Object, Long> counts, Object key) {
        Long c = counts.get(key);
        long n = c == null ? 1L : c + 1L;
        counts.put(key, n);
        return n;
    }

    /**
     * Removes one occurrence of {@code key}; returns the new count (0: the key is gone), or -1 when
     * the key was not there (a retraction of something never accumulated, which is ignored).
     */
    public static long decrement(Map<Object, Long> counts, Object key) {
        Long c = counts.get(key);
        if (c == null) {
            return -1L;
        }
        if (c <= 1L) {
            counts.remove(key);
            return 0L;
        }
        counts.put(key, c - 1L);
        return c - 1L;
    }

    /** Adds the counts of {@code other} into {@code counts}. */
    public static void mergeCounts(Map<Object, Long> counts, Map<?, ?> other) {
        for (Map.Entry<?, ?> e : other.entrySet()) {
            Long c = counts.get(e.getKey());
            long add = ((Number) e.getValue()).longValue();
            counts.put(e.getKey(), c == null ? add : c + add);
        }
    }

    /** A sorted copy of a value-to-count map read from state (or the map itself if already sorted). */
    @SuppressWarnings("unchecked")
    public static TreeMap<Object, Long> toTreeMap(Object map) {
        if (map instanceof TreeMap) {
            return (TreeMap<Object, Long>) map;
        }
        TreeMap<Object, Long> sorted = new TreeMap<>();
        if (map != null) {
            sorted.putAll((Map<Object, Long>) map);
        }
        return sorted;
    }

    /** A mutable map from a value-to-count map read from state. */
    @SuppressWarnings("unchecked")
    public static HashMap<Object, Long> toHashMap(Object map) {
        if (map instanceof HashMap) {
            return (HashMap<Object, Long>) map;
        }
        HashMap<Object, Long> m = new HashMap<>();
        if (map != null) {
            m.putAll((Map<Object, Long>) map);
        }
        return m;
    }

    /** A mutable list from a list read from state. */
    @SuppressWarnings("unchecked")
    public static ArrayList<Object> toArrayList(Object list) {
        if (list instanceof ArrayList) {
            return (ArrayList<Object>) list;
        }
        ArrayList<Object> l = new ArrayList<>();
        if (list != null) {
            l.addAll((List<Object>) list);
        }
        return l;
    }

    /** Removes the last occurrence of {@code value} from {@code list}. */
    public static void removeLast(List<Object> list, Object value) {
        int i = list.lastIndexOf(value);
        if (i >= 0) {
            list.remove(i);
        }
    }

    /** Removes the first occurrence of {@code value} from {@code list}. */
    public static void removeFirst(List<Object> list, Object value) {
        int i = list.indexOf(value);
        if (i >= 0) {
            list.remove(i);
        }
    }

    /** Joins the strings of {@code list} with {@code separator} (',' if null); null for an empty list. */
    public static String listAgg(List<Object> list, String separator) {
        if (list.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        String sep = separator == null ? "," : separator;
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(list.get(i));
        }
        return sb.toString();
    }

    /**
     * Variance (or standard deviation) from count, sum and sum of squares; null when undefined (no
     * rows, or one row for the sample variants).
     */
    public static Double variance(long n, double sum, double sumSq, boolean sample, boolean sqrt) {
        if (n == 0 || (sample && n == 1)) {
            return null;
        }
        double v = (sumSq - sum * sum / n) / (sample ? n - 1 : n);
        if (v < 0) {
            v = 0; // rounding
        }
        return sqrt ? Math.sqrt(v) : v;
    }

    /** {@code (byte) x}, failing on overflow like {@link Math#toIntExact}. */
    public static byte toByteExact(long x) {
        if (x < Byte.MIN_VALUE || x > Byte.MAX_VALUE) {
            throw new ArithmeticException("TINYINT overflow: " + x);
        }
        return (byte) x;
    }

    /** {@code (short) x}, failing on overflow. */
    public static short toShortExact(long x) {
        if (x < Short.MIN_VALUE || x > Short.MAX_VALUE) {
            throw new ArithmeticException("SMALLINT overflow: " + x);
        }
        return (short) x;
    }

    /** {@code (int) x}, failing on overflow. */
    public static int toIntExact(long x) {
        if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
            throw new ArithmeticException("INTEGER overflow: " + x);
        }
        return (int) x;
    }
}
