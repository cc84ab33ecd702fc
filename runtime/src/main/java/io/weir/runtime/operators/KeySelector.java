package io.weir.runtime.operators;

import io.weir.runtime.data.Row;

/**
 * Extracts the key of a row, for hash partitioning (key groups) and keyed state.
 *
 * <p>Must be deterministic and return equal keys for rows that belong together; the key's
 * {@link Row#hashCode()} decides the key group. The returned key row may be kept by the runtime
 * (as the current key of state and timers), so it must be a fresh row, never a reused instance.
 * Called on task threads; an instance may be shared by the subtasks of a job, so it must be
 * stateless (or thread-safe).
 */
@FunctionalInterface
public interface KeySelector {

    /** The key of {@code row}: a new row of the key fields, kind {@code INSERT}. */
    Row getKey(Row row);

    /** A selector of the fields at {@code positions}, in that order. */
    static KeySelector ofFields(int... positions) {
        int[] pos = positions.clone();
        return row -> {
            Object[] key = new Object[pos.length];
            for (int i = 0; i < pos.length; i++) {
                key[i] = row.getField(pos[i]);
            }
            return Row.of(key);
        };
    }
}
