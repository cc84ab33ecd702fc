package io.weir.runtime.io;

/** Thrown on a task thread when it notices its task was cancelled (for example while blocked on a full channel). */
public final class TaskCanceledException extends RuntimeException {
    public TaskCanceledException(String message) {
        super(message);
    }
}
