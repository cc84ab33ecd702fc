package io.weir.connectors;

import io.weir.connectors.print.PrintTableFactory;
import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.connector.WriterSink;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.weir.connectors.format.FormatTestSupport.map;
import static org.junit.jupiter.api.Assertions.*;

class SinksTest {
    static final RowType T = RowType.of(new String[] {"id", "ts", "amount", "nested"}, new DataType[] {DataType.integer(),
        DataType.timestamp(3), DataType.decimal(5, 2),
        DataType.row(RowType.of(new String[] {"d"}, new DataType[] {DataType.date()}))});

    private static String print(String identifier, int parallelism, Row... rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        WriterSink sink = new PrintTableFactory.PrintSink(T, identifier, () -> ps);
        SinkContext base = TestContexts.sink(1, -1);
        SinkContext ctx = new SinkContext() {
            @Override public String jobId() { return base.jobId(); }
            @Override public String operatorUid() { return base.operatorUid(); }
            @Override public int subtaskIndex() { return 1; }
            @Override public int parallelism() { return parallelism; }
            @Override public io.weir.checkpoint.config.Configuration configuration() { return base.configuration(); }
            @Override public long restoredCheckpointId() { return -1; }
        };
        try (SinkWriter w = sink.createWriter(ctx)) {
            for (Row r : rows) {
                w.write(r);
            }
            w.flush(true);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintChangelogRowsLikeFlink() throws Exception {
        Row r = Row.ofKind(RowKind.UPDATE_BEFORE, 1, 1_436_918_400_123L, new BigDecimal("2.50"), Row.of(16631));
        assertEquals("-U[1, 2015-07-15T00:00:00.123, 2.50, (2015-07-15)]\n", print(null, 1, r));
        assertEquals("2> +I[null, null, null, null]\n", print(null, 2, Row.of(null, null, null, null)));
        assertEquals("out:2> +I[null, null, null, null]\n", print("out", 2, Row.of(null, null, null, null)));
        assertEquals("out> +I[null, null, null, null]\n", print("out", 1, Row.of(null, null, null, null)));
    }

    @Test
    void shouldCreatePrintAndBlackholeThroughTheirFactories() throws Exception {
        for (String id : List.of("print", "blackhole")) {
            TableContext ctx = TestContexts.table("s", T, map("connector", id));
            WriterSink sink = (WriterSink) FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
            assertEquals(ChangelogMode.all(), sink.acceptedChangelogMode());
        }
        TableContext bad = TestContexts.table("s", T, map("connector", "print", "print-identifer", "x"));
        ValidationException e = assertThrows(ValidationException.class,
            () -> FactoryUtil.discoverTableFactory(TableSinkFactory.class, bad).createSink(bad));
        assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("print-identifer")
            && e.getMessage().contains("print-identifier"), e.getMessage());
        TableContext badBool = TestContexts.table("s", T, map("connector", "print", "standard-error", "yes"));
        assertThrows(ValidationException.class, () -> FactoryUtil.discoverTableFactory(TableSinkFactory.class, badBool).createSink(badBool));
        TableContext unknown = TestContexts.table("s", T, map("connector", "kafkaa"));
        assertTrue(assertThrows(ValidationException.class, () -> FactoryUtil.discoverTableFactory(TableSinkFactory.class, unknown))
            .getMessage().contains("blackhole"));
    }
}
