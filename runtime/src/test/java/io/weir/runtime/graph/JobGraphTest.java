package io.weir.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.TestOperators;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobGraphTest {
    private static OperatorFactory op(String uid) {
        return OperatorFactory.of("op-" + uid, uid, () -> new TestOperators.CollectSink(uid, 0));
    }

    @Test
    void shouldListInputsAndOutputsOfAVertex() {
        JobGraph.Builder b = JobGraph.builder("g");
        int a = b.addVertex(op("a"), 2, 128);
        int c = b.addVertex(op("c"), 2, 128);
        int d = b.addVertex(op("d"), 1, 128);
        b.connect(a, c, Partitioner.FORWARD).connect(c, d, 1, Partitioner.GLOBAL);
        JobGraph g = b.build();
        assertEquals(1, g.outputsOf(a).size());
        assertEquals(1, g.inputsOf(d).get(0).targetInput());
        assertEquals(List.of(), g.inputsOf(a));
    }

    @Test
    void whenForwardJoinsDifferentParallelisms_thenBuildFailsNamingBoth() {
        JobGraph.Builder b = JobGraph.builder("g");
        int a = b.addVertex(op("a"), 2, 128);
        int c = b.addVertex(op("c"), 3, 128);
        b.connect(a, c, Partitioner.FORWARD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("'op-a' (parallelism 2)") && e.getMessage().contains("'op-c' (parallelism 3)"), e.getMessage());
    }

    @Test
    void whenTheGraphHasACycleOrDuplicateUids_thenBuildFails() {
        JobGraph.Builder cyclic = JobGraph.builder("g");
        int a = cyclic.addVertex(op("a"), 1, 128);
        int c = cyclic.addVertex(op("c"), 1, 128);
        cyclic.connect(a, c, Partitioner.REBALANCE).connect(c, a, Partitioner.REBALANCE);
        assertTrue(assertThrows(IllegalArgumentException.class, cyclic::build).getMessage().contains("cycle"));

        JobGraph.Builder dup = JobGraph.builder("g");
        dup.addVertex(op("a"), 1, 128);
        dup.addVertex(op("a"), 1, 128);
        assertTrue(assertThrows(IllegalArgumentException.class, dup::build).getMessage().contains("uid 'a'"));
    }

    @Test
    void whenParallelismExceedsMaxParallelism_thenTheVertexIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JobGraph.builder("g").addVertex(op("a"), 200, 128));
    }
}
