package io.weir.connectors.filesystem;

import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkOperatorFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.weir.connectors.format.FormatTestSupport.map;
import static org.junit.jupiter.api.Assertions.*;

/** The file sink inside the runtime's two-phase-commit sink operator, driven by the operator harness. */
class FileSystemSinkOperatorTest {
    static final RowType T = RowType.of(new String[] {"id"}, new DataType[] {DataType.bigint()});

    @TempDir
    Path dir;

    private OperatorHarness.Builder harness() {
        TableContext ctx = TestContexts.table("out", T, map("connector", "filesystem", "path", dir.toString(), "format", "json"));
        TableSink sink = FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
        return OperatorHarness.builder(SinkOperatorFactory.create("sink", "sink", sink))
            .configuration(new Configuration().setString("execution.checkpointing.interval", "10 s"));
    }

    private List<String> committed() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                .collect(Collectors.toList())) {
                lines.addAll(Files.readAllLines(p));
            }
            lines.sort(null);
            return lines;
        }
    }

    private long hidden() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void shouldCommitOnNotifyAndRecoverAfterACrash() throws Exception {
        OperatorHarness h = harness().open();
        h.processElement(Row.of(1L)).processElement(Row.of(2L));
        OperatorRestoreState chk1 = h.snapshot();
        assertEquals(List.of(), committed(), "pending after the checkpoint");
        h.processElement(Row.of(3L));
        h.snapshot(); // checkpoint 2: never completes
        h.processElement(Row.of(4L));
        // crash before notifyCheckpointComplete(1): h is abandoned, not closed
        assertEquals(3, hidden());

        OperatorHarness restored = harness().restoreFrom(chk1).open();
        assertEquals(List.of("{\"id\":1}", "{\"id\":2}"), committed(), "the restored checkpoint's files are committed on restore");
        assertEquals(0, hidden(), "files of the failed checkpoint and the open file are discarded");
        restored.processElement(Row.of(3L)).processElement(Row.of(4L));
        OperatorRestoreState next = restored.snapshot();
        assertNotNull(next);
        restored.notifyCheckpointComplete(1);
        assertEquals(List.of("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}"), committed());
        restored.close();
    }

    @Test
    void whenCheckpointingIsOff_thenEndOfInputCommits() throws Exception {
        TableContext ctx = TestContexts.table("out", T, map("connector", "filesystem", "path", dir.toString(), "format", "json"));
        TableSink sink = FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
        OperatorHarness h = OperatorHarness.builder(SinkOperatorFactory.create("sink", "sink", sink)).open();
        h.processElement(Row.of(7L)).endInput();
        assertEquals(List.of("{\"id\":7}"), committed());
        h.close();
    }
}
