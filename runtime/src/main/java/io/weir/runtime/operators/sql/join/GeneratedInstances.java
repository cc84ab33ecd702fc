package io.weir.runtime.operators.sql.join;

import io.weir.runtime.generated.GeneratedClass;
import java.util.function.Supplier;

/**
 * Instantiates generated classes on the task thread against the context class loader (the one that
 * sees user code), for the operators of the join, over, rank and dedup packages.
 */
public final class GeneratedInstances {
    private GeneratedInstances() {
    }

    /** A supplier of fresh instances of {@code generated}, or of null when {@code generated} is null (optional code). */
    public static <T> Supplier<T> supplier(GeneratedClass<T> generated) {
        if (generated == null) {
            return () -> null;
        }
        return () -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return generated.newInstance(loader != null ? loader : GeneratedInstances.class.getClassLoader());
        };
    }
}
