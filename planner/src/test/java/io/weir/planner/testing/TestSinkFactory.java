package io.weir.planner.testing;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;

import java.util.Set;

/**
 * A sink factory for planner tests ({@code 'connector' = 'test-sink'}) whose accepted changelog
 * is chosen by {@code 'changelog-mode'}: {@code insert-only}, {@code retract} or {@code upsert}.
 */
public final class TestSinkFactory implements TableSinkFactory {
    public static final ConfigOption<String> MODE = ConfigOptions.key("changelog-mode").stringType("insert-only");

    @Override
    public String identifier() {
        return "test-sink";
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
    public TableSink createSink(TableContext context) {
        FactoryUtil.validateOptions(this, context, Set.of());
        String mode = context.get(MODE);
        ChangelogMode accepted;
        switch (mode) {
            case "insert-only": accepted = ChangelogMode.insertOnly(); break;
            case "retract": accepted = ChangelogMode.all(); break;
            case "upsert": accepted = ChangelogMode.upsert(); break;
            default: throw new IllegalArgumentException("changelog-mode: " + mode);
        }
        return () -> accepted;
    }
}
