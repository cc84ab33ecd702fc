package io.weir.client;

import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.WriterSink;
import io.weir.runtime.data.Row;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The sink of a {@code SELECT} run from the client: its writers copy every row into one bounded
 * queue that the client drains and prints. A client that reads slower than the job produces
 * blocks the writers, so backpressure reaches the sources and memory stays bounded.
 */
final class CollectSink implements WriterSink {
    private final BlockingQueue<Row> queue;

    CollectSink(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public ChangelogMode acceptedChangelogMode() {
        return ChangelogMode.all();
    }

    @Override
    public SinkWriter createWriter(SinkContext context) {
        return new SinkWriter() {
            @Override
            public void write(Row row) throws IOException {
                try {
                    queue.put(row.copy());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("result collection interrupted (job cancelled)");
                }
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The next row, or null if none arrives within the timeout. */
    Row poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    /** The next row if one is there. */
    Row poll() {
        return queue.poll();
    }
}
