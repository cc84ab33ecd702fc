package io.weir.runtime.cluster;

import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.runtime.tasks.TaskEnvironment;

/**
 * The hooks a checkpoint coordinator drives a running local job with. Obtain it with
 * {@link LocalCluster#checkpointControl(JobClient)}. Thread-safe.
 *
 * <p>Protocol: {@link #configure} once, before the first trigger; {@link #triggerCheckpoint} puts a
 * trigger letter into every source task's mailbox (the source snapshots, then emits the barrier);
 * every task acknowledges through the responder after its synchronous part (aligned barriers on
 * tasks with several input channels); the coordinator then calls {@link #notifyCheckpointComplete}
 * or {@link #notifyCheckpointAborted}, which reach every running task through its mailbox.
 * Tasks that already finished neither acknowledge nor receive notifications.
 */
public interface CheckpointControl {

    /** Where snapshots are written and whom tasks acknowledge to. */
    void configure(CheckpointStreamFactory streams, TaskEnvironment.CheckpointResponder responder);

    void triggerCheckpoint(long checkpointId, long timestamp);

    void notifyCheckpointComplete(long checkpointId);

    void notifyCheckpointAborted(long checkpointId);

    /** Number of tasks (vertex subtasks) of the job, i.e. the acknowledgements a checkpoint needs. */
    int numberOfTasks();

    /** Where each task stands now, in vertex then subtask order. */
    java.util.List<TaskState> taskStates();

    /**
     * One task as a checkpoint sees it.
     *
     * @param vertexUid     the uid of the task's vertex (what it acknowledges with)
     * @param source        whether it runs a source (checkpoints are triggered there)
     * @param finishedInput its operators finished; it may still wait for a final checkpoint
     * @param ended         it finished normally and its thread ended: it takes no more checkpoints
     *                      (false for a failed or cancelled task: a checkpoint still needs it)
     * @param backlog       its source reads a backlog (checkpoints then follow {@code interval-during-backlog})
     */
    record TaskState(String vertexUid, int subtaskIndex, boolean source, boolean finishedInput, boolean ended, boolean backlog) {
        public TaskState(String vertexUid, int subtaskIndex, boolean source, boolean finishedInput, boolean ended) {
            this(vertexUid, subtaskIndex, source, finishedInput, ended, false);
        }
    }
}
