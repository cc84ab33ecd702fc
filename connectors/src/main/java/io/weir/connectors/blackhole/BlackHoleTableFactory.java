package io.weir.connectors.blackhole;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.WriterSink;
import io.weir.runtime.data.Row;

import java.util.List;
import java.util.Set;

/** {@code 'connector' = 'blackhole'}: accepts every row kind and discards everything (for benchmarks). */
public final class BlackHoleTableFactory implements TableSinkFactory {

    @Override
    public String identifier() {
        return "blackhole";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public TableSink createSink(TableContext context) {
        FactoryUtil.validateOptions(this, context, List.of());
        return new BlackHoleSink();
    }

    /** Drops every row. */
    public static final class BlackHoleSink implements WriterSink {
        @Override
        public ChangelogMode acceptedChangelogMode() {
            return ChangelogMode.all();
        }

        @Override
        public SinkWriter createWriter(SinkContext context) {
            return new SinkWriter() {
                @Override
                public void write(Row row) {
                    // discarded on purpose
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
