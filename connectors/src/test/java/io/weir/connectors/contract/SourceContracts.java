package io.weir.connectors.contract;

import io.weir.connectors.filesystem.FileSplit;
import io.weir.connectors.format.FormatTestSupport;
import io.weir.connectors.generator.GeneratorSplit;
import io.weir.connectors.nexmark.NexmarkFiles;
import io.weir.connectors.nexmark.NexmarkModel;
import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.connector.TwoPhaseCommitSink;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The source contract, once per connector and file format. */
final class SourceContracts {
    private SourceContracts() {
    }

    static final RowType T = RowType.of(new String[] {"id", "name", "amount", "ts", "tags"},
        new DataType[] {DataType.bigint(), DataType.string(), DataType.decimal(8, 2), DataType.timestamp(3),
            DataType.array(DataType.integer())});

    @SuppressWarnings("unchecked")
    static <S extends io.weir.runtime.connector.SourceSplit> ScanSource<S> source(RowType type, Map<String, String> options) {
        TableContext ctx = TestContexts.table("contract", type, options);
        return (ScanSource<S>) FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
    }

    /** Writes {@code rows} through the filesystem sink with the given format (and commits them). */
    @SuppressWarnings("unchecked")
    static void writeFiles(Path dir, RowType type, String format, List<Row> rows) throws Exception {
        TableContext ctx = TestContexts.table("w", type, FormatTestSupport.map("connector", "filesystem", "path", dir.toString(),
            "format", format, "sink.rolling-policy.file-size", "300b"));
        var sink = (TwoPhaseCommitSink<Object, Object>) FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
        var writer = sink.createWriter(TestContexts.sink(0, -1), List.of());
        for (Row r : rows) {
            writer.write(r);
        }
        sink.createCommitter(TestContexts.sink(0, -1)).commit(writer.prepareCommit(1));
        writer.close();
    }

    static List<Row> rows(boolean withCollections) {
        java.util.ArrayList<Row> rows = new java.util.ArrayList<>();
        for (long i = 0; i < 25; i++) {
            rows.add(Row.of(i, i % 5 == 0 ? null : "n,\"" + i, new BigDecimal(i + ".50"), 1_436_918_400_000L + i,
                withCollections ? List.of((int) i, 1) : null));
        }
        return rows;
    }

    static RowType scalarType() {
        return T.project(new int[] {0, 1, 2, 3});
    }

    static List<Row> scalarRows() {
        java.util.ArrayList<Row> rows = new java.util.ArrayList<>();
        for (Row r : rows(false)) {
            rows.add(Row.of(r.getField(0), r.getField(1), r.getField(2), r.getField(3)));
        }
        return rows;
    }

    static class DataGenContractTest extends ScanSourceContractTest<GeneratorSplit> {
        @Override
        ScanSource<GeneratorSplit> createSource() {
            return source(T, FormatTestSupport.map("connector", "datagen", "rows-per-second", "0", "number-of-rows", "30",
                "seed", "5", "fields.name.null-rate", "0.2"));
        }
    }

    static class NexmarkContractTest extends ScanSourceContractTest<GeneratorSplit> {
        @Override
        ScanSource<GeneratorSplit> createSource() {
            return source(NexmarkFiles.flatType(NexmarkModel.AUCTION_FIELDS), FormatTestSupport.map("connector", "nexmark",
                "event.type", "auction", "events.num", "500", "rate.limited", "false"));
        }
    }

    abstract static class FileContractTest extends ScanSourceContractTest<FileSplit> {
        @TempDir
        Path dir;
        private boolean written;

        abstract String format();

        RowType type() {
            return T;
        }

        List<Row> data() {
            return rows(true);
        }

        @Override
        ScanSource<FileSplit> createSource() throws Exception {
            if (!written) {
                writeFiles(dir, type(), format(), data());
                written = true;
            }
            return source(type(), FormatTestSupport.map("connector", "filesystem", "path", dir.toString(), "format", format()));
        }
    }

    static class JsonFilesContractTest extends FileContractTest {
        @Override
        String format() {
            return "json";
        }
    }

    static class AvroFilesContractTest extends FileContractTest {
        @Override
        String format() {
            return "avro";
        }
    }

    static class CsvFilesContractTest extends FileContractTest {
        @Override
        String format() {
            return "csv";
        }

        @Override
        RowType type() {
            return scalarType();
        }

        @Override
        List<Row> data() {
            return scalarRows();
        }
    }

    static class DebeziumFilesContractTest extends FileContractTest {
        @Override
        String format() {
            return "debezium-json";
        }

        @Override
        List<Row> data() {
            java.util.ArrayList<Row> changes = new java.util.ArrayList<>();
            for (Row r : rows(true)) {
                changes.add(r);
                changes.add(r.withKind(RowKind.UPDATE_BEFORE));
                changes.add(r.withKind(RowKind.UPDATE_AFTER));
            }
            return changes;
        }
    }
}
