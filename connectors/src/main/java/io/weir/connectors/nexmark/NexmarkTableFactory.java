package io.weir.connectors.nexmark;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.connectors.ConnectorOptions.Nexmark;
import io.weir.connectors.generator.GeneratorSource;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSourceFactory;

import java.util.List;
import java.util.Set;

/**
 * {@code 'connector' = 'nexmark'}: the Nexmark generator with Flink nexmark's options, so the
 * benchmark's DDL runs unchanged. {@code 'rate.limited' = 'false'} generates as fast as possible.
 */
public final class NexmarkTableFactory implements TableSourceFactory {

    @Override
    public String identifier() {
        return "nexmark";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(Nexmark.ALL);
    }

    @Override
    public ScanSource<?> createSource(TableContext context) {
        FactoryUtil.validateOptions(this, context, List.of());
        NexmarkConfig config;
        try {
            config = NexmarkConfig.from(context.tableOptions());
        } catch (IllegalArgumentException e) {
            throw new io.weir.runtime.connector.ValidationException("Table '" + context.tableName() + "': " + e.getMessage(), e);
        }
        if (!context.get(Nexmark.NEXT_EVENT_RATE).equals(context.get(Nexmark.FIRST_EVENT_RATE))
            && context.options().containsKey(Nexmark.NEXT_EVENT_RATE.key())) {
            throw new io.weir.runtime.connector.ValidationException("Table '" + context.tableName()
                + "': not supported yet: 'next-event.rate' different from 'first-event.rate' (a changing rate shape);"
                + " set both to the same value");
        }
        String type = context.get(Nexmark.EVENT_TYPE);
        NexmarkRowGenerator gen = new NexmarkRowGenerator(context.tableName(), config, context.physicalRowType(), type);
        return new GeneratorSource(type == null ? "nexmark" : "nexmark-" + type, gen);
    }
}
