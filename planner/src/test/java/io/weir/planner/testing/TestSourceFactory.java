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
import io.weir.runtime.types.RowType;

import java.util.List;
import java.util.Set;

/**
 * A source factory for planner tests ({@code 'connector' = 'test-source'}): an empty bounded
 * source whose changelog is chosen by {@code 'changelog-mode'} ({@code insert-only}, {@code all}
 * or {@code upsert}). Only planned, never run.
 */
public final class TestSourceFactory implements TableSourceFactory {
    public static final ConfigOption<String> MODE = ConfigOptions.key("changelog-mode").stringType("insert-only");

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
        return Set.of(MODE);
    }

    @Override
    public ScanSource<SourceSplit> createSource(TableContext context) {
        FactoryUtil.validateOptions(this, context, Set.of());
        String mode = context.get(MODE);
        ChangelogMode produced = mode.equals("all") ? ChangelogMode.all()
            : mode.equals("upsert") ? ChangelogMode.upsert() : ChangelogMode.insertOnly();
        RowType type = context.physicalRowType();
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
            public List<SourceSplit> discoverSplits(SourceContext ctx) {
                return List.of();
            }

            @Override
            public SplitReader<SourceSplit> createReader(SourceSplit split, SourceContext ctx) {
                throw new UnsupportedOperationException("test-source has no splits");
            }

            @Override
            public TypeSerializer<SourceSplit> splitSerializer() {
                throw new UnsupportedOperationException("test-source has no splits");
            }
        };
    }
}
