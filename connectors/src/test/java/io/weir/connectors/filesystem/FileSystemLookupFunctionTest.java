package io.weir.connectors.filesystem;

import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.LookupFunction;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SupportsLookup;
import io.weir.runtime.connector.SupportsProjectionPushDown;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSystemLookupFunctionTest {
    static final RowType T = RowType.of(new String[] {"id", "name", "tier"},
        new DataType[] {DataType.bigint(), DataType.string(), DataType.integer()});

    @TempDir
    Path dir;

    private ScanSource<FileSplit> source(String file, String format, String... more) {
        String[] options = new String[6 + more.length];
        System.arraycopy(new String[] {"connector", "filesystem", "path", dir.resolve(file).toString(), "format", format},
            0, options, 0, 6);
        System.arraycopy(more, 0, options, 6, more.length);
        return FileSystemSourceTest.source(T, List.of(), options);
    }

    private static Row key(Object... values) {
        return Row.of(values);
    }

    @Test
    void shouldFindEveryRowOfAKeyAndNothingForUnknownOrNullKeys() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "1,a,1\n2,b,2\n2,bb,3\n,nokey,4\n");
        try (LookupFunction f = ((SupportsLookup) source("t.csv", "csv")).createLookupFunction(new int[] {0})) {
            f.open(new TestContexts.Source());
            assertEquals(List.of(Row.of(2L, "b", 2), Row.of(2L, "bb", 3)), f.lookup(key(2L)));
            assertEquals(List.of(), f.lookup(key(7L)));
            assertEquals(List.of(), f.lookup(key((Object) null)));
        }
    }

    @Test
    void shouldLookUpProjectedRowsOnSeveralKeysInJson() throws Exception {
        Files.writeString(dir.resolve("t.json"), "{\"id\":1,\"name\":\"a\",\"tier\":1}\n{\"id\":1,\"name\":\"b\",\"tier\":2}\n");
        @SuppressWarnings("unchecked")
        ScanSource<FileSplit> projected = ((SupportsProjectionPushDown<FileSplit>) source("t.json", "json"))
            .applyProjection(new int[] {2, 0});
        try (LookupFunction f = ((SupportsLookup) projected).createLookupFunction(new int[] {1, 0})) {
            f.open(new TestContexts.Source());
            assertEquals(List.of(Row.of(2, 1L)), f.lookup(key(1L, 2)));
        }
    }

    @Test
    void whenTheCacheTtlPassed_thenTheTableIsReadAgain() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "1,a,1\n");
        AtomicLong clock = new AtomicLong(1_000);
        FileSystemLookupFunction f = new FileSystemLookupFunction(source("t.csv", "csv"), new int[] {0}, 60_000,
            clock::get);
        f.open(new TestContexts.Source());
        assertEquals(List.of(Row.of(1L, "a", 1)), f.lookup(key(1L)));
        Files.writeString(file, "1,changed,1\n");
        clock.set(60_999);
        assertEquals(List.of(Row.of(1L, "a", 1)), f.lookup(key(1L)));
        clock.set(61_000);
        assertEquals(List.of(Row.of(1L, "changed", 1)), f.lookup(key(1L)));
        f.close();
    }

    @Test
    void shouldDeclareFlinksCacheTtlOptionAndRejectBadValues() {
        ValidationException e = assertThrows(ValidationException.class,
            () -> source("t.csv", "csv", "lookup.join.cache.ttl", "soon"));
        assertTrue(e.getMessage().contains("lookup.join.cache.ttl"), e.getMessage());
    }
}
