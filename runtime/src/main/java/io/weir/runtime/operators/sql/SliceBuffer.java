package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input rows of a window operator that wait to be folded into slice state, grouped by (key, slice)
 * in order of first arrival, so that a batch costs one state read and write per key and slice
 * instead of one per row (Flink's window buffer). Holds copies of the rows. Task thread only.
 */
final class SliceBuffer {
    /** A (key, slice) pair; mutable only while used as the lookup probe. */
    static final class KeySlice {
        Row key;
        long slice;
        private int hash;

        KeySlice set(Row k, long s) {
            this.key = k;
            this.slice = s;
            this.hash = 31 * k.hashCode() + Long.hashCode(s);
            return this;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof KeySlice)) {
                return false;
            }
            KeySlice other = (KeySlice) o;
            return slice == other.slice && key.equals(other.key);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<KeySlice, List<Row>> groups = new LinkedHashMap<>();
    private final KeySlice probe = new KeySlice();
    private Row lastKey;
    private long lastSlice;
    private List<Row> lastRows;
    private int size;

    /**
     * Adds a copy of {@code row} to the group of (key, slice).
     *
     * @return true when this (key, slice) is new in the buffer
     */
    boolean add(Row key, long slice, Row row) {
        boolean added = false;
        if (lastRows == null || slice != lastSlice || !(key == lastKey || key.equals(lastKey))) {
            List<Row> rows = groups.get(probe.set(key, slice));
            if (rows == null) {
                rows = new ArrayList<>(4);
                groups.put(new KeySlice().set(key, slice), rows);
                added = true;
            }
            lastKey = key;
            lastSlice = slice;
            lastRows = rows;
        }
        lastRows.add(row.copy());
        size++;
        return added;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The groups in order of first arrival; iterate once, then {@link #clear()}. */
    Iterator<Map.Entry<KeySlice, List<Row>>> groups() {
        return groups.entrySet().iterator();
    }

    void clear() {
        groups.clear();
        lastKey = null;
        lastRows = null;
        size = 0;
    }
}
