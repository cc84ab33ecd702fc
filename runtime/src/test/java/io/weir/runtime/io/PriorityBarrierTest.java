package io.weir.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unaligned barriers in channels: they overtake queued data, and the overtaken rows survive a round trip as channel state. */
class PriorityBarrierTest {
    private static Batch batch(long... values) {
        Row[] rows = new Row[values.length];
        for (int i = 0; i < values.length; i++) {
            rows[i] = Row.of(values[i]);
        }
        return new Batch(rows, rows.length);
    }

    @Test
    void whenAPriorityBarrierIsPut_thenItOvertakesTheQueueAndReturnsWhatItOvertook() throws Exception {
        Channel c = new Channel("a", 2, new WakeupSignal());
        c.put(batch(1, 2), () -> false);
        c.put(batch(3), () -> false);
        CheckpointBarrier barrier = new CheckpointBarrier(7, 0);

        List<Object> overtaken = c.putPriority(barrier); // a full channel does not block it

        assertEquals(2, overtaken.size());
        assertEquals(Row.of(1L), ((Batch) overtaken.get(0)).get(0));
        assertTrue(c.hasPriorityEvent());
        assertSame(barrier, c.poll());
        assertTrue(!c.hasPriorityEvent());
        assertEquals(Row.of(1L), ((Batch) c.poll()).get(0));
        assertEquals(Row.of(3L), ((Batch) c.poll()).get(0));
        assertNull(c.poll());
    }

    @Test
    void whenAChannelIsBlocked_thenItsPriorityBarrierIsStillTakenFirst() throws Exception {
        WakeupSignal w = new WakeupSignal();
        Channel a = new Channel("a", 4, w);
        Channel b = new Channel("b", 4, w);
        InputGate gate = new InputGate(new Channel[] {a, b}, new int[] {0, 0});
        a.put(batch(1), () -> false);
        b.put(batch(2), () -> false);
        gate.block(1);
        CheckpointBarrier barrier = new CheckpointBarrier(3, 0);
        b.putPriority(barrier);

        assertSame(barrier, gate.poll());
        assertEquals(1, gate.lastChannel());
        assertEquals(Row.of(1L), ((Batch) gate.poll()).get(0));
        assertNull(gate.poll(), "the blocked channel's data waits");
    }

    @Test
    void whenRowsAreWrittenAsChannelState_thenTheyReadBackEqual() throws Exception {
        Row nested = Row.of("x", 1);
        List<Row> rows = List.of(
            Row.ofKind(RowKind.UPDATE_BEFORE, true, (byte) 1, (short) 2, 3, 4L, 5.5f, 6.25d, new BigDecimal("-12.340"), "héllo", null),
            Row.ofKind(RowKind.DELETE, List.of(1, 2), Map.of("k", 2L), nested));
        List<Row> back = ChannelStateRows.deserialize(ChannelStateRows.serialize(rows));
        assertEquals(rows, back);
        byte[] bytes = (byte[]) ChannelStateRows.deserialize(ChannelStateRows.serialize(List.of(Row.of((Object) new byte[] {1, 2}))))
            .get(0).getField(0);
        assertEquals(2, bytes.length);
    }
}
