package io.weir.runtime.operators.sql;

import io.weir.runtime.generated.GeneratedClass;
import java.util.Objects;
import java.util.function.Supplier;

/** Instantiates generated classes on the task thread, against the class loader that sees user code. */
final class Generated {
    private Generated() {
    }

    /** A supplier of fresh instances of {@code generated}, called once per operator instance in {@code open}. */
    static <T> Supplier<T> supplier(GeneratedClass<T> generated) {
        Objects.requireNonNull(generated, "generated class");
        return () -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = Generated.class.getClassLoader();
            }
            return generated.newInstance(loader);
        };
    }
}
