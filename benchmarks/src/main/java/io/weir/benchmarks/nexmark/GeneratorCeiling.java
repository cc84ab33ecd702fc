package io.weir.benchmarks.nexmark;

import io.weir.connectors.nexmark.NexmarkConfig;
import io.weir.connectors.nexmark.NexmarkModel;
import io.weir.runtime.data.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code gen-only} run: the Nexmark generator alone, {@code parallelism} threads each making
 * every {@code parallelism}-th event as the combined {@code datagen} row (event type plus one
 * nested person, auction or bid row), as the nexmark source does, and discarding it. Its events/s
 * is the ceiling for q0.
 */
final class GeneratorCeiling {
    private GeneratorCeiling() {
    }

    /** Generates {@code events} events; returns the seconds it took. */
    static double run(long events, int parallelism, NexmarkConfig config) throws InterruptedException {
        NexmarkModel model = new NexmarkModel(config);
        AtomicLong sink = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < parallelism; t++) {
            int first = t;
            threads.add(new Thread(() -> sink.addAndGet(generate(model, first, parallelism, events)), "gen-only-" + t));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink.get() == 42) {
            System.out.print(""); // keeps the generated rows observable, so the JIT cannot drop them
        }
        return seconds;
    }

    private static long generate(NexmarkModel model, long first, int step, long events) {
        long hash = 0;
        for (long id = first; id < events; id += step) {
            int type = model.typeOf(id);
            Object[] values = new Object[4];
            values[0] = type;
            values[type + 1] = Row.of(model.event(id));
            Row row = Row.of(values);
            hash += row.arity() + System.identityHashCode(row.getField(type + 1));
        }
        return hash;
    }
}
