package io.weir.runtime.io;

/**
 * Wakes a waiting task thread: producers signal after putting into one of its input channels, the
 * mailbox after a new letter, a channel after space frees up. A signal that arrives while the task
 * is not waiting is remembered, so no wake-up is lost.
 */
public final class WakeupSignal {
    private boolean signaled;

    public synchronized void signal() {
        if (!signaled) {
            signaled = true;
            notifyAll();
        }
    }

    /** Waits until signaled or {@code millis} passed (at least 1 ms); clears the signal. */
    public synchronized void await(long millis) throws InterruptedException {
        if (!signaled) {
            wait(Math.max(1, millis));
        }
        signaled = false;
    }
}
