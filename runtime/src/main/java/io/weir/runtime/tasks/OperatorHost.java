package io.weir.runtime.tasks;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.StateBackend;
import io.weir.runtime.operators.MailboxExecutor;
import io.weir.runtime.operators.ProcessingTimeService;

/** What a {@link ChainedOperator} needs from the task (or test harness) that runs it. */
public interface OperatorHost {
    String jobId();

    Configuration configuration();

    MailboxExecutor mailbox();

    ProcessingTimeService processingTimeService();

    /** The job's state backend (created on first use). */
    StateBackend stateBackend();

    /** Maximum timers fired in one step before the task may do something else. */
    int timerFiringBatchSize();

    /**
     * The operator has event-time timers left to fire for its current watermark: the host calls
     * {@link ChainedOperator#fireEventTimeStep()} again, before it processes more input, until it
     * returns true; mailbox letters (checkpoints, processing-time timers) may run in between.
     */
    void deferEventTimeFiring(ChainedOperator operator);
}
