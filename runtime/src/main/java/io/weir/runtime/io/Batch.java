package io.weir.runtime.io;

import io.weir.runtime.data.Row;

/**
 * Rows sent together over a channel, to amortize the hand-over between threads. The rows are the
 * producer's objects (no copy, no serialization in one JVM); the producer never touches them again.
 */
public final class Batch {
    private final Row[] rows;
    private final int size;

    public Batch(Row[] rows, int size) {
        this.rows = rows;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public Row get(int i) {
        return rows[i];
    }

    /** A batch of copies of these rows (field arrays copied, values shared). */
    public Batch copyRows() {
        Row[] copies = new Row[size];
        for (int i = 0; i < size; i++) {
            copies[i] = rows[i].copy();
        }
        return new Batch(copies, size);
    }
}
