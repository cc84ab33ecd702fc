package io.weir.checkpoint.metadata;

import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The state of one operator in a checkpoint: its uid (stable across plan changes, so that state
 * maps back after a restart), parallelism, max parallelism (number of key groups) and the state of
 * each subtask that had any.
 */
public final class OperatorState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final int parallelism;
    private final int maxParallelism;
    private final TreeMap<Integer, OperatorSubtaskState> subtaskStates = new TreeMap<>();
    private final java.util.TreeSet<Integer> finishedSubtasks = new java.util.TreeSet<>();

    public OperatorState(String uid, int parallelism, int maxParallelism) {
        this.uid = Objects.requireNonNull(uid, "uid");
        if (parallelism < 1 || maxParallelism < parallelism) {
            throw new IllegalArgumentException("operator '" + uid + "': need 1 <= parallelism (" + parallelism
                + ") <= max parallelism (" + maxParallelism + ")");
        }
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
    }

    public String uid() { return uid; }
    public int parallelism() { return parallelism; }
    public int maxParallelism() { return maxParallelism; }

    public void putState(int subtaskIndex, OperatorSubtaskState state) {
        if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IndexOutOfBoundsException("operator '" + uid + "' has no subtask " + subtaskIndex + " (parallelism " + parallelism + ")");
        }
        subtaskStates.put(subtaskIndex, Objects.requireNonNull(state, "state"));
    }

    /** Subtask index to state, in index order; subtasks without state are absent. */
    public Map<Integer, OperatorSubtaskState> subtaskStates() {
        return Collections.unmodifiableMap(subtaskStates);
    }

    /**
     * Records that {@code subtaskIndex} had finished (its input ended and it flushed) when the
     * checkpoint was taken: a restore must start it as finished rather than run it again, or a
     * finished source would re-read its input.
     */
    public void markFinished(int subtaskIndex) {
        if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IndexOutOfBoundsException("operator '" + uid + "' has no subtask " + subtaskIndex + " (parallelism " + parallelism + ")");
        }
        finishedSubtasks.add(subtaskIndex);
    }

    /** Subtasks that had finished, in index order. */
    public java.util.SortedSet<Integer> finishedSubtasks() {
        return Collections.unmodifiableSortedSet(finishedSubtasks);
    }

    /** Whether every subtask had finished: a restore skips this operator altogether. */
    public boolean isFullyFinished() {
        return finishedSubtasks.size() == parallelism;
    }

    public OperatorSubtaskState state(int subtaskIndex) {
        return subtaskStates.getOrDefault(subtaskIndex, OperatorSubtaskState.empty());
    }

    public long stateSize() {
        return subtaskStates.values().stream().mapToLong(OperatorSubtaskState::stateSize).sum();
    }

    public long checkpointedSize() {
        return subtaskStates.values().stream().mapToLong(OperatorSubtaskState::checkpointedSize).sum();
    }

    public void discardState() throws IOException {
        OperatorSubtaskState.Discarder d = new OperatorSubtaskState.Discarder();
        subtaskStates.values().forEach(s -> d.run(s::discardState));
        d.rethrow();
    }

    @Override
    public String toString() {
        return "OperatorState{" + uid + ", p=" + parallelism + "/" + maxParallelism + ", " + subtaskStates
            + (finishedSubtasks.isEmpty() ? "" : ", finished=" + finishedSubtasks) + "}";
    }
}
