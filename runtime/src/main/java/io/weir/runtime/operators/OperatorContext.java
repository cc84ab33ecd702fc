package io.weir.runtime.operators;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.State;
import io.weir.checkpoint.state.StateDescriptor;
import io.weir.runtime.data.Row;
import org.slf4j.Logger;

/**
 * Everything an operator sees of the world (STYLE.md 1): state, timers, the output, who it is,
 * metrics, configuration and a logger. Handed to {@link StreamOperator#open}; valid until
 * {@link StreamOperator#close}. Only the task thread may call it, except
 * {@link #mailbox()} which is thread-safe.
 */
public interface OperatorContext {

    /** The operator's output (the next chained operator, or the task's channels). */
    Output output();

    /** The operator's name (from the plan) and its stable uid (state maps back by uid). */
    String operatorName();

    String operatorUid();

    /** This subtask's index in {@code [0, parallelism())}. */
    int subtaskIndex();

    int parallelism();

    int maxParallelism();

    /** The id of the running job (stable across restarts from a checkpoint of the same job). */
    String jobId();

    /** The job's configuration (user {@code SET}s and defaults). */
    Configuration configuration();

    OperatorMetrics metrics();

    /** A logger named after the operator, with subtask index in its name. */
    Logger logger();

    /** Enqueues actions on the task thread; thread-safe. */
    MailboxExecutor mailbox();

    /** The task's clock and non-keyed processing-time callbacks. */
    ProcessingTimeService processingTimeService();

    /** True for keyed operators (whose factory has a key selector). */
    boolean isKeyed();

    /** The current key of a keyed operator (set before each element and timer); null otherwise. */
    Row currentKey();

    /**
     * Keyed state in the void namespace, for the current key. Declare once in {@code open}; the
     * returned object follows the current key.
     *
     * @throws IllegalStateException for a non-keyed operator
     */
    <S extends State> S getState(StateDescriptor<S, ?> descriptor);

    /**
     * The keyed state backend (keys are rows), for namespaced and merging state (windows).
     *
     * @throws IllegalStateException for a non-keyed operator
     */
    KeyedStateBackend<Row> keyedStateBackend();

    /** Non-keyed operator state (a source's positions, a sink's pending transactions). */
    OperatorStateBackend operatorStateBackend();

    /**
     * The timer service of a keyed operator, for timers in namespaces written with
     * {@code namespaceSerializer}; one per operator (asking twice returns the same service).
     *
     * @throws IllegalStateException for a non-keyed operator
     */
    <N> TimerService<N> timerService(TypeSerializer<N> namespaceSerializer);
}
