package io.weir.runtime.generated;

/**
 * Compiles generated Java source into a class. {@code codegen/} provides the implementation (a
 * Janino compiler with a cache keyed by source text) as a {@link java.util.ServiceLoader} service,
 * so that {@code runtime/} needs neither Janino nor Calcite. Implementations are thread-safe.
 */
public interface ClassCompiler {

    /**
     * Compiles {@code source}, a complete compilation unit declaring public class {@code className},
     * against {@code classLoader}, and returns that class.
     *
     * @throws IllegalStateException on a compile error, with the source and its line numbers
     */
    Class<?> compile(ClassLoader classLoader, String className, String source);
}
