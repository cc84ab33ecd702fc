package io.weir.planner.testing;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.util.List;
import java.util.Set;

/**
 * A source factory for planner tests ({@code 'connector' = 'test-source'}): a bounded source of
 * the rows registered under {@code 'data-id'} with {@link #register} (one split; none if no
 * data), whose changelog is chosen by {@code 'changelog-mode'} ({@code insert-only}, {@code all}
 * or {@code upsert}); with {@code 'lookup' = 'true'} it also answers lookups.
 */
public final class TestSourceFactory implements TableSourceFactory {
    public static final ConfigOption<String> MODE = ConfigOptions.key("changelog-mode").stringType("insert-only");
    public static final ConfigOption<String> DATA_ID = ConfigOptions.key("data-id").stringType(null);
    public static final ConfigOption<Boolean> LOOKUP = ConfigOptions.key("lookup").booleanType(false);
    private static final java.util.Map<String, List<Row>> DATA = new java.util.concurrent.ConcurrentHashMap<>();

    /** Registers rows for tables with {@code 'data-id' = id}. */
    public static void register(String id, List<Row> rows) {
        DATA.put(id, List.copyOf(rows));
    }

    /** One split: all registered rows from {@code position} on. */
    record DataSplit(String id, int position) implements SourceSplit {
        @Override
        public String splitId() {
            return id;
        }
    }

    @Override
    public String identifier() {
        return "test-source";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(MODE, DATA_ID, LOOKUP);
    }

    @Override
    public ScanSource<DataSplit> createSource(TableContext context) {
        FactoryUtil.validateOptions(this, context, Set.of());
        ScanSource<DataSplit> scan = scan(context);
        String id = context.get(DATA_ID);
        return context.get(LOOKUP) ? new TestLookupSource<>(scan, () -> DATA.getOrDefault(id, List.of()), null) : scan;
    }

    private ScanSource<DataSplit> scan(TableContext context) {
        String mode = context.get(MODE);
        ChangelogMode produced = mode.equals("all") ? ChangelogMode.all()
            : mode.equals("upsert") ? ChangelogMode.upsert() : ChangelogMode.insertOnly();
        RowType type = context.physicalRowType();
        String dataId = context.get(DATA_ID);
        return new ScanSource<>() {
            @Override
            public RowType producedType() {
                return type;
            }

            @Override
            public ChangelogMode changelogMode() {
                return produced;
            }

            @Override
            public boolean isBounded() {
                return true;
            }

            @Override
            public List<DataSplit> discoverSplits(SourceContext ctx) {
                return dataId == null ? List.of() : List.of(new DataSplit(dataId, 0));
            }

            @Override
            public SplitReader<DataSplit> createReader(DataSplit split, SourceContext ctx) {
                List<Row> rows = DATA.getOrDefault(split.id(), List.of());
                return new SplitReader<>() {
                    private int pos = split.position();

                    @Override
                    public Row poll() {
                        return pos < rows.size() ? rows.get(pos++).copy() : null;
                    }

                    @Override
                    public boolean isFinished() {
                        return pos >= rows.size();
                    }

                    @Override
                    public DataSplit snapshot() {
                        return new DataSplit(split.id(), pos);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public TypeSerializer<DataSplit> splitSerializer() {
                throw new UnsupportedOperationException("test-source is not checkpointed in planner tests");
            }
        };
    }
}
