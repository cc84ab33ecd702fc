package io.weir.runtime.graph;

import io.weir.runtime.operators.KeySelector;
import java.util.Objects;

/** The distribution of an edge: a {@link PartitionerKind}, and for {@code HASH} the key selector. */
public final class Partitioner {
    public static final Partitioner FORWARD = new Partitioner(PartitionerKind.FORWARD, null);
    public static final Partitioner REBALANCE = new Partitioner(PartitionerKind.REBALANCE, null);
    public static final Partitioner BROADCAST = new Partitioner(PartitionerKind.BROADCAST, null);
    public static final Partitioner GLOBAL = new Partitioner(PartitionerKind.GLOBAL, null);

    private final PartitionerKind kind;
    private final KeySelector keySelector;

    private Partitioner(PartitionerKind kind, KeySelector keySelector) {
        this.kind = kind;
        this.keySelector = keySelector;
    }

    /** Hash partitioning by the key that {@code keySelector} extracts (routing by key group). */
    public static Partitioner hash(KeySelector keySelector) {
        return new Partitioner(PartitionerKind.HASH, Objects.requireNonNull(keySelector, "keySelector"));
    }

    public PartitionerKind kind() { return kind; }

    /** The key selector of a {@code HASH} partitioner, else null. */
    public KeySelector keySelector() { return keySelector; }

    @Override
    public String toString() {
        return kind.name();
    }
}
