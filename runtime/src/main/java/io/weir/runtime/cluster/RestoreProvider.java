package io.weir.runtime.cluster;

import io.weir.runtime.tasks.OperatorRestoreState;

/** Supplies the state an operator subtask starts from when a job is restored; null = fresh. */
@FunctionalInterface
public interface RestoreProvider {
    RestoreProvider NONE = (uid, subtask, parallelism) -> null;

    OperatorRestoreState restoreStateFor(String operatorUid, int subtaskIndex, int parallelism);
}
