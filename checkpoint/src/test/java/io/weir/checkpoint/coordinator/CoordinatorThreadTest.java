package io.weir.checkpoint.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CoordinatorThreadTest {

    @Test
    void shouldRunScheduledAndPostedActionsOnOneThreadAndStopOnClose() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (CoordinatorThread thread = new CoordinatorThread("job-1")) {
            thread.schedule(() -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            }, 20);
            thread.execute(() -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
            thread.schedule(() -> ran.add("cancelled"), 10).cancel();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("checkpoint-coordinator-job-1", "checkpoint-coordinator-job-1"), threads);
            thread.close();
            assertTrue(thread.executor().awaitTermination(5, TimeUnit.SECONDS), "thread stops on close");
        }
        assertFalse(ran.contains("cancelled"));
    }

    @Test
    void whenClosed_thenPostedActionsAreDroppedWithoutError() {
        List<String> ran = new CopyOnWriteArrayList<>();
        CoordinatorThread thread = new CoordinatorThread("job-2");
        thread.close();
        thread.execute(() -> ran.add("late acknowledgement"));
        assertTrue(ran.isEmpty());
    }
}
