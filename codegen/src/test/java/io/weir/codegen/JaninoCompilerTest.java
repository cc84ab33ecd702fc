package io.weir.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.compile.JaninoCompiler;
import io.weir.codegen.expr.KeyCodeGenerator;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.KeyProjection;
import io.weir.runtime.generated.Projection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JaninoCompilerTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void shouldCacheClassesBySourceText() {
        GeneratedClass<KeyProjection> first = KeyCodeGenerator.keyProjection(new int[] {1, 2, 3, 4, 5, 6, 7});
        GeneratedClass<KeyProjection> second = KeyCodeGenerator.keyProjection(new int[] {1, 2, 3, 4, 5, 6, 7});
        assertEquals(first.className(), second.className(), "names derive from the source");
        assertSame(first.compile(loader), second.compile(loader));
    }

    @Test
    void whenSourceDoesNotCompile_thenErrorShowsNumberedSource() {
        GeneratedClass<Projection> broken = new GeneratedClass<>("io.weir.generated.Broken",
            "package io.weir.generated;\npublic final class Broken {\n  int x = undefinedThing;\n}\n", new Object[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.newInstance(loader));
        assertTrue(e.getMessage().contains("Could not compile generated class io.weir.generated.Broken"), e.getMessage());
        assertTrue(e.getMessage().contains("Line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("   3    int x = undefinedThing;"), e.getMessage());
    }

    @Test
    void shouldDumpSourcesWhenAsked(@TempDir Path dir) throws Exception {
        JaninoCompiler.setDumpDir(dir);
        try {
            GeneratedClass<KeyProjection> gen = KeyCodeGenerator.keyProjection(new int[] {9, 8, 7, 6, 5, 4, 3, 2});
            KeyProjection keys = gen.newInstance(loader);
            assertEquals(Row.of(9, 8, 7, 6, 5, 4, 3, 2), keys.getKey(Row.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
            assertEquals(gen.source(), Files.readString(dir.resolve(gen.className() + ".java")));
        } finally {
            JaninoCompiler.setDumpDir(null);
        }
    }

    @Test
    void shouldNameTheDumpOption() {
        assertEquals("table.exec.codegen.dump-dir", CodegenOptions.DUMP_DIR.key());
        assertEquals("weir.codegen.dump-dir", CodegenOptions.DUMP_DIR_PROPERTY);
    }
}
