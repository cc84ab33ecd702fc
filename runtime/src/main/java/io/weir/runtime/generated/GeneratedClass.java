package io.weir.runtime.generated;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Generated code as data: a class name, its Java source and the objects its constructor receives
 * ({@code public ClassName(Object[] references)}). Planning produces it; operators instantiate it
 * on the task thread with {@link #newInstance(ClassLoader)}. Compilation happens on first use and
 * is cached by the {@link ClassCompiler} by source text, so equal sources compile once per JVM.
 *
 * @param <T> the interface the generated class implements, e.g. {@link Calc}
 */
public final class GeneratedClass<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String source;
    private final Object[] references;

    public GeneratedClass(String className, String source, Object[] references) {
        this.className = Objects.requireNonNull(className, "className");
        this.source = Objects.requireNonNull(source, "source");
        this.references = Objects.requireNonNull(references, "references");
    }

    public String className() {
        return className;
    }

    public String source() {
        return source;
    }

    public Object[] references() {
        return references;
    }

    /** Compiles (or takes from the cache) and instantiates the class, passing {@link #references()}. */
    @SuppressWarnings("unchecked")
    public T newInstance(ClassLoader classLoader) {
        Class<?> clazz = compile(classLoader);
        try {
            return (T) clazz.getConstructor(Object[].class).newInstance(new Object[] {references});
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not instantiate generated class " + className + ": "
                + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not instantiate generated class " + className, e);
        }
    }

    /** Compiles the class (cached by source text), without instantiating it. */
    public Class<?> compile(ClassLoader classLoader) {
        return Compilers.get().compile(classLoader, className, source);
    }

    @Override
    public String toString() {
        return "GeneratedClass{" + className + "}";
    }

    /** Finds the {@link ClassCompiler} service once. */
    private static final class Compilers {
        private static volatile ClassCompiler compiler;

        static ClassCompiler get() {
            ClassCompiler c = compiler;
            if (c == null) {
                Iterator<ClassCompiler> it = ServiceLoader.load(ClassCompiler.class,
                    GeneratedClass.class.getClassLoader()).iterator();
                if (!it.hasNext()) {
                    throw new IllegalStateException("No " + ClassCompiler.class.getName()
                        + " service found: is weir-codegen on the classpath?");
                }
                c = it.next();
                compiler = c;
            }
            return c;
        }
    }
}
