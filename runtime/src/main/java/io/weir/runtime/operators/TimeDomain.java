package io.weir.runtime.operators;

/** Which clock a timer follows. */
public enum TimeDomain {
    /** Fires when the operator's input watermark reaches the timer's timestamp. */
    EVENT_TIME,
    /** Fires when the wall clock (the task's processing-time service) reaches the timestamp. */
    PROCESSING_TIME
}
