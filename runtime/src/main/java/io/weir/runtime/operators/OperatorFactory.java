package io.weir.runtime.operators;

import io.weir.runtime.types.RowType;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Creates the operator instances of one logical operator: one fresh instance per subtask (and
 * again on every restart). Carries what the runtime must know before creating them: the name, a
 * stable uid (state maps back by uid), and for keyed operators the key selector of each input and
 * the key's row type (whose serializer keys state).
 *
 * <p>Immutable and shared by all subtasks of a job; the supplier is called from task threads, so
 * it must be thread-safe (a lambda creating a new instance is).
 */
public final class OperatorFactory {
    private final String name;
    private final String uid;
    private final Supplier<? extends StreamOperator> supplier;
    private final KeySelector[] keySelectors;
    private final RowType keyType;

    private OperatorFactory(String name, String uid, Supplier<? extends StreamOperator> supplier,
                            KeySelector[] keySelectors, RowType keyType) {
        this.name = Objects.requireNonNull(name, "name");
        this.uid = Objects.requireNonNull(uid, "uid");
        this.supplier = Objects.requireNonNull(supplier, "supplier");
        this.keySelectors = keySelectors;
        this.keyType = keyType;
    }

    /** A non-keyed operator. */
    public static OperatorFactory of(String name, String uid, Supplier<? extends StreamOperator> supplier) {
        return new OperatorFactory(name, uid, supplier, new KeySelector[0], null);
    }

    /**
     * A keyed operator: {@code keySelectors[i]} extracts the key of input {@code i} (one for a
     * one-input operator, two for a two-input one); {@code keyType} describes the key rows.
     */
    public static OperatorFactory keyed(String name, String uid, Supplier<? extends StreamOperator> supplier,
                                        RowType keyType, KeySelector... keySelectors) {
        if (keySelectors.length == 0) {
            throw new IllegalArgumentException("keyed operator '" + name + "' needs a key selector per input");
        }
        return new OperatorFactory(name, uid, supplier, keySelectors.clone(), Objects.requireNonNull(keyType, "keyType"));
    }

    /** A new operator instance for one subtask. */
    public StreamOperator createOperator() {
        StreamOperator op = supplier.get();
        if (op == null) {
            throw new IllegalStateException("operator factory '" + name + "' returned null");
        }
        return op;
    }

    public String name() { return name; }

    public String uid() { return uid; }

    public boolean isKeyed() { return keyType != null; }

    /** The key selector of input {@code inputIndex} (0 or 1), or null for a non-keyed operator. */
    public KeySelector keySelector(int inputIndex) {
        if (keyType == null) {
            return null;
        }
        return keySelectors[Math.min(inputIndex, keySelectors.length - 1)];
    }

    /** The row type of keys, or null for a non-keyed operator. */
    public RowType keyType() { return keyType; }

    @Override
    public String toString() {
        return name + "[uid=" + uid + (isKeyed() ? ", keyed by " + keyType + " x" + Arrays.asList(keySelectors).size() : "") + "]";
    }
}
