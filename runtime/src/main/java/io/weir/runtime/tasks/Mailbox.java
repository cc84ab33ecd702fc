package io.weir.runtime.tasks;

import io.weir.runtime.io.WakeupSignal;
import io.weir.runtime.operators.MailboxExecutor;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The task's mailbox: actions from any thread (processing-time callbacks, checkpoint triggers,
 * async completions) that the task thread runs between two units of input, in FIFO order.
 */
public final class Mailbox implements MailboxExecutor {
    private final ConcurrentLinkedQueue<Letter> letters = new ConcurrentLinkedQueue<>();
    private final WakeupSignal wakeup;

    public Mailbox(WakeupSignal wakeup) {
        this.wakeup = wakeup;
    }

    /** An action and its description (used in the failure message if it throws). */
    public static final class Letter {
        final ThrowingRunnable action;
        final String description;

        Letter(ThrowingRunnable action, String description) {
            this.action = action;
            this.description = description;
        }
    }

    @Override
    public void execute(ThrowingRunnable action, String description) {
        letters.add(new Letter(action, description));
        wakeup.signal();
    }

    public boolean isEmpty() {
        return letters.isEmpty();
    }

    /**
     * Runs the letters that are in the box now (not those they enqueue, so a letter that re-enqueues
     * itself cannot starve input processing). Task thread only.
     *
     * @return how many letters ran
     */
    public int runAvailable() throws Exception {
        int n = letters.size();
        int ran = 0;
        for (; ran < n; ran++) {
            Letter l = letters.poll();
            if (l == null) {
                break;
            }
            try {
                l.action.run();
            } catch (OperatorException | io.weir.runtime.io.TaskCanceledException e) {
                throw e;
            } catch (Exception e) {
                throw new Exception("mailbox action '" + l.description + "' failed: " + e.getMessage(), e);
            }
        }
        return ran;
    }

    /** Drops every letter (the task ended). */
    public void clear() {
        letters.clear();
    }
}
