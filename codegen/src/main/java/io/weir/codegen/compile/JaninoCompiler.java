package io.weir.codegen.compile;

import io.weir.codegen.CodegenOptions;
import io.weir.runtime.generated.ClassCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * The one Janino compiler of the JVM, found by {@link io.weir.runtime.generated.GeneratedClass}
 * through {@link java.util.ServiceLoader}. Compiled classes are cached per class loader by source
 * text, so equal sources (generated class names derive from the source) compile once.
 *
 * <p>Thread-safe. A compile error throws {@link IllegalStateException} with the source and line
 * numbers. Sources are dumped to a directory when {@link CodegenOptions#DUMP_DIR_PROPERTY} is set
 * or {@link #setDumpDir} was called (the planner does, from {@link CodegenOptions#DUMP_DIR}).
 */
public final class JaninoCompiler implements ClassCompiler {
    private static final Map<ClassLoader, Map<String, Class<?>>> CACHE = new WeakHashMap<>();
    private static volatile Path dumpDir;

    /** Sets (or with null clears) the directory to dump generated sources to. */
    public static void setDumpDir(Path dir) {
        dumpDir = dir;
    }

    @Override
    public Class<?> compile(ClassLoader classLoader, String className, String source) {
        Map<String, Class<?>> perLoader;
        synchronized (CACHE) {
            perLoader = CACHE.computeIfAbsent(classLoader, cl -> new ConcurrentHashMap<>());
        }
        Class<?> cached = perLoader.get(source);
        if (cached != null) {
            return cached;
        }
        // subtasks of one operator open at the same time: compile once, let the others wait
        return perLoader.computeIfAbsent(source, s -> doCompile(classLoader, className, s));
    }

    /** Number of classes in the cache, for tests. */
    public static int cachedClassCount() {
        synchronized (CACHE) {
            return CACHE.values().stream().mapToInt(Map::size).sum();
        }
    }

    private static Class<?> doCompile(ClassLoader classLoader, String className, String source) {
        dump(className, source);
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(classLoader);
        compiler.setTargetVersion(8);
        try {
            compiler.cook(source);
            return compiler.getClassLoader().loadClass(className);
        } catch (CompileException e) {
            throw new IllegalStateException("Could not compile generated class " + className + ": "
                + e.getMessage() + "\n" + withLineNumbers(source), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Generated source does not declare class " + className
                + "\n" + withLineNumbers(source), e);
        }
    }

    /** The source with 1-based line numbers, as compile errors report it. */
    public static String withLineNumbers(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder sb = new StringBuilder(source.length() + lines.length * 6);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%4d  ", i + 1)).append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    private static void dump(String className, String source) {
        Path dir = dumpDir;
        if (dir == null) {
            String prop = System.getProperty(CodegenOptions.DUMP_DIR_PROPERTY);
            if (prop == null || prop.isEmpty()) {
                return;
            }
            dir = Path.of(prop);
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(className + ".java"), source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not dump generated source of " + className + " into " + dir
                + " (option " + CodegenOptions.DUMP_DIR.key() + "): " + e, e);
        }
    }
}
