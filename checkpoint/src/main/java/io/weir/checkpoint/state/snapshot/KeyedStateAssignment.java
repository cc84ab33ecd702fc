package io.weir.checkpoint.state.snapshot;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Assigns the keyed state handles of all old subtasks to new subtasks, by key-group range. */
public final class KeyedStateAssignment {
    private KeyedStateAssignment() {
    }

    /** The parts of {@code handles} that overlap {@code range} (what a backend owning {@code range} restores). */
    public static List<KeyedStateHandle> handlesFor(Collection<? extends KeyedStateHandle> handles, KeyGroupRange range) {
        List<KeyedStateHandle> result = new ArrayList<>();
        for (KeyedStateHandle h : handles) {
            KeyedStateHandle part = h == null ? null : h.getIntersection(range);
            if (part != null) {
                result.add(part);
            }
        }
        return result;
    }

    /** For each new subtask of {@code newParallelism}, the handles it restores. */
    public static List<List<KeyedStateHandle>> redistribute(Collection<? extends KeyedStateHandle> handles,
                                                            int maxParallelism, int newParallelism) {
        List<List<KeyedStateHandle>> result = new ArrayList<>(newParallelism);
        for (int i = 0; i < newParallelism; i++) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, newParallelism, i);
            result.add(handlesFor(handles, range));
        }
        return result;
    }
}
