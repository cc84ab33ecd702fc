package io.weir.connectors.print;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.connectors.ConnectorOptions.Print;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.WriterSink;
import io.weir.runtime.types.RowType;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code 'connector' = 'print'}: prints every row as Flink does, {@code +I[1, a]}, prefixed by
 * {@code <print-identifier>:<subtask + 1>> } (the identifier part when set, the subtask part when
 * the parallelism is above 1), to standard output or, with {@code standard-error}, standard error.
 */
public final class PrintTableFactory implements TableSinkFactory {

    @Override
    public String identifier() {
        return "print";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(Print.ALL);
    }

    @Override
    public TableSink createSink(TableContext context) {
        FactoryUtil.validateOptions(this, context, List.of());
        boolean stderr = context.get(Print.STANDARD_ERROR);
        return new PrintSink(context.physicalRowType(), context.get(Print.PRINT_IDENTIFIER),
            stderr ? () -> System.err : () -> System.out);
    }

    /** The print sink; accepts every row kind. */
    public static final class PrintSink implements WriterSink {
        private final RowType rowType;
        private final String identifier;
        private final Supplier<PrintStream> stream;

        public PrintSink(RowType rowType, String identifier, Supplier<PrintStream> stream) {
            this.rowType = rowType;
            this.identifier = identifier;
            this.stream = stream;
        }

        @Override
        public ChangelogMode acceptedChangelogMode() {
            return ChangelogMode.all();
        }

        @Override
        public SinkWriter createWriter(SinkContext context) {
            String prefix = identifier == null
                ? (context.parallelism() > 1 ? (context.subtaskIndex() + 1) + "> " : "")
                : identifier + (context.parallelism() > 1 ? ":" + (context.subtaskIndex() + 1) : "") + "> ";
            RowPrinter printer = new RowPrinter(rowType);
            PrintStream out = stream.get();
            return new SinkWriter() {
                private final StringBuilder sb = new StringBuilder(128);

                @Override
                public void write(io.weir.runtime.data.Row row) {
                    sb.setLength(0);
                    out.println(printer.append(sb.append(prefix), row));
                }

                @Override
                public void flush(boolean endOfInput) {
                    out.flush();
                }

                @Override
                public void close() {
                    out.flush();
                }
            };
        }
    }
}
