package io.weir.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import org.junit.jupiter.api.Test;

class ChannelWriterTest {
    private static Channel[] channels(int n) {
        Channel[] c = new Channel[n];
        for (int i = 0; i < n; i++) {
            c[i] = new Channel("c" + i, 1000, new WakeupSignal());
        }
        return c;
    }

    @Test
    void shouldRouteEachKeyToTheSubtaskOwningItsKeyGroup() throws Exception {
        int p = 3;
        int maxP = 128;
        Channel[] ch = channels(p);
        ChannelWriter w = new ChannelWriter(ch, Partitioner.hash(KeySelector.ofFields(0)), maxP, 4, () -> false);
        for (long k = 0; k < 1000; k++) {
            w.emit(Row.of(k, "v"));
        }
        w.flushAll();
        int total = 0;
        for (int s = 0; s < p; s++) {
            KeyGroupRange owned = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxP, p, s);
            for (Object item = ch[s].poll(); item != null; item = ch[s].poll()) {
                Batch b = (Batch) item;
                for (int i = 0; i < b.size(); i++) {
                    int kg = KeyGroupRangeAssignment.assignToKeyGroup(Row.of(b.get(i).getField(0)), maxP);
                    assertTrue(owned.contains(kg), "key group " + kg + " arrived at subtask " + s);
                    total++;
                }
            }
        }
        assertEquals(1000, total);
    }

    @Test
    void shouldRouteDeterministically() {
        for (long k = 0; k < 100; k++) {
            assertEquals(ChannelWriter.hashTarget(Row.of(k), 128, 4), ChannelWriter.hashTarget(Row.of(k), 128, 4));
        }
        assertEquals(ChannelWriter.hashTarget(Row.of("abc", 1), 128, 7), ChannelWriter.hashTarget(Row.of("abc", 1), 128, 7));
    }

    @Test
    void shouldSendFullBatchesAtOnceAndFlushBeforeEvents() throws Exception {
        Channel[] ch = channels(1);
        ChannelWriter w = new ChannelWriter(ch, Partitioner.FORWARD, 128, 2, () -> false);
        w.emit(Row.of(1));
        assertEquals(0, ch[0].queued());
        w.emit(Row.of(2));
        assertEquals(1, ch[0].queued());
        w.emit(Row.of(3));
        w.broadcastEvent(new Watermark(5));
        assertEquals(2, ((Batch) ch[0].poll()).size());
        assertEquals(1, ((Batch) ch[0].poll()).size());
        assertInstanceOf(Watermark.class, ch[0].poll());
    }

    @Test
    void whenCancelledWhileBlockedOnAFullChannel_thenThePutEnds() {
        Channel c = new Channel("full", 1, new WakeupSignal());
        boolean[] canceled = {false};
        try {
            c.put(EndOfInput.INSTANCE, () -> canceled[0]);
            new Thread(() -> {
                sleep(50);
                canceled[0] = true;
            }).start();
            c.put(EndOfInput.INSTANCE, () -> canceled[0]);
        } catch (TaskCanceledException expected) {
            return;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("put did not notice the cancellation");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
