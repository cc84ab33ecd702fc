package io.weir.runtime.operators;

/**
 * Puts an action into the task's mailbox; it runs on the task thread between two elements, so it
 * may touch operator state. Thread-safe: may be called from any thread (async I/O completions).
 */
@FunctionalInterface
public interface MailboxExecutor {

    /** Enqueues {@code action}; an exception it throws fails the task, naming {@code description}. */
    void execute(ThrowingRunnable action, String description);

    /** A {@link Runnable} that may throw. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
