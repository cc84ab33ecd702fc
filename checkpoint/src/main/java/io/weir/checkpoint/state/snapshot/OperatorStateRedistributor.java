package io.weir.checkpoint.state.snapshot;

import io.weir.checkpoint.state.snapshot.OperatorStateHandle.Mode;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle.StateMetaInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns the operator state of all old subtasks to new subtasks when a job is restored, possibly
 * at another parallelism: list state is split evenly (the concatenation of all old subtasks'
 * elements, in subtask order, cut into contiguous runs; at unchanged parallelism each subtask keeps
 * its own), union list state goes whole to everyone, and new subtask {@code i} gets old subtask
 * {@code i mod oldParallelism}'s broadcast state.
 */
public final class OperatorStateRedistributor {
    private OperatorStateRedistributor() {
    }

    /**
     * @param oldSubtaskStates per old subtask, its handles (a subtask may have none)
     * @param newParallelism   the number of new subtasks
     * @return per new subtask, the handles to restore
     */
    public static List<List<OperatorStateHandle>> redistribute(List<? extends List<OperatorStateHandle>> oldSubtaskStates,
                                                               int newParallelism) {
        if (newParallelism < 1) {
            throw new IllegalArgumentException("new parallelism must be positive: " + newParallelism);
        }
        List<Map<StreamStateHandle, Map<String, StateMetaInfo>>> perSubtask = new ArrayList<>();
        for (int i = 0; i < newParallelism; i++) {
            perSubtask.add(new IdentityHashMap<>());
        }
        boolean sameParallelism = oldSubtaskStates.size() == newParallelism;
        Map<String, List<Element>> splitStates = new LinkedHashMap<>();
        for (int old = 0; old < oldSubtaskStates.size(); old++) {
            List<OperatorStateHandle> handles = oldSubtaskStates.get(old);
            for (OperatorStateHandle h : handles == null ? List.<OperatorStateHandle>of() : handles) {
                for (Map.Entry<String, StateMetaInfo> e : h.getStateNameToPartitionOffsets().entrySet()) {
                    String name = e.getKey();
                    StateMetaInfo info = e.getValue();
                    StreamStateHandle delegate = h.getDelegateStateHandle();
                    switch (info.getMode()) {
                        case UNION -> {
                            for (int n = 0; n < newParallelism; n++) {
                                add(perSubtask.get(n), delegate, name, info.getOffsets(), Mode.UNION);
                            }
                        }
                        case BROADCAST -> {
                            for (int n = 0; n < newParallelism; n++) {
                                if (n % oldSubtaskStates.size() == old) {
                                    add(perSubtask.get(n), delegate, name, info.getOffsets(), Mode.BROADCAST);
                                }
                            }
                        }
                        case SPLIT_DISTRIBUTE -> {
                            if (sameParallelism) {
                                add(perSubtask.get(old), delegate, name, info.getOffsets(), Mode.SPLIT_DISTRIBUTE);
                            } else {
                                for (long offset : info.getOffsets()) {
                                    splitStates.computeIfAbsent(name, k -> new ArrayList<>()).add(new Element(delegate, offset));
                                }
                            }
                        }
                    }
                }
            }
        }
        splitEvenly(splitStates, perSubtask);
        List<List<OperatorStateHandle>> result = new ArrayList<>();
        for (Map<StreamStateHandle, Map<String, StateMetaInfo>> m : perSubtask) {
            List<OperatorStateHandle> handles = new ArrayList<>();
            m.forEach((delegate, infos) -> handles.add(new OperatorStateHandle(infos, delegate)));
            result.add(handles);
        }
        return result;
    }

    private record Element(StreamStateHandle delegate, long offset) {
    }

    private static void splitEvenly(Map<String, List<Element>> splitStates,
                                    List<Map<StreamStateHandle, Map<String, StateMetaInfo>>> perSubtask) {
        int parallelism = perSubtask.size();
        for (Map.Entry<String, List<Element>> e : splitStates.entrySet()) {
            List<Element> all = e.getValue();
            int base = all.size() / parallelism;
            int remainder = all.size() % parallelism;
            int next = 0;
            for (int n = 0; n < parallelism; n++) {
                int count = base + (n < remainder ? 1 : 0);
                for (Element el : all.subList(next, next + count)) {
                    add(perSubtask.get(n), el.delegate(), e.getKey(), new long[] {el.offset()}, Mode.SPLIT_DISTRIBUTE);
                }
                next += count;
            }
        }
    }

    private static void add(Map<StreamStateHandle, Map<String, StateMetaInfo>> target, StreamStateHandle delegate,
                            String name, long[] offsets, Mode mode) {
        Map<String, StateMetaInfo> infos = target.computeIfAbsent(delegate, d -> new LinkedHashMap<>());
        StateMetaInfo existing = infos.get(name);
        long[] merged = offsets;
        if (existing != null) {
            merged = Arrays.copyOf(existing.getOffsets(), existing.getOffsets().length + offsets.length);
            System.arraycopy(offsets, 0, merged, existing.getOffsets().length, offsets.length);
        }
        infos.put(name, new StateMetaInfo(merged, mode));
    }
}
