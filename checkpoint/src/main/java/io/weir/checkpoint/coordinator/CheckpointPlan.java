package io.weir.checkpoint.coordinator;

import java.util.List;
import java.util.Set;

/**
 * The job as one checkpoint sees it, asked from the {@link CheckpointTriggerTarget} at every
 * trigger: the tasks that must acknowledge (running ones), the tasks that already finished
 * (they have no state left to snapshot) and every operator of the job.
 */
public record CheckpointPlan(Set<TaskId> tasksToAcknowledge, Set<TaskId> finishedTasks, List<OperatorInfo> operators) {
    public CheckpointPlan {
        tasksToAcknowledge = Set.copyOf(tasksToAcknowledge);
        finishedTasks = Set.copyOf(finishedTasks);
        operators = List.copyOf(operators);
    }
}
