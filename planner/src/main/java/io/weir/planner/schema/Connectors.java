package io.weir.planner.schema;

import io.weir.checkpoint.config.Configuration;
import io.weir.planner.ValidationException;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.types.RowType;

import java.util.ArrayList;
import java.util.List;

/** Reaches a table's connector through the runtime's factory SPI ({@code ServiceLoader}). */
public final class Connectors {
    private Connectors() {
    }

    /** What a table factory gets: name, physical columns, options, keys and the job configuration. */
    public static TableContext tableContext(TableDescriptor table, Configuration conf) {
        List<RowType.Field> physical = new ArrayList<>();
        for (ColumnDescriptor c : table.columns()) {
            if (c.kind() == ColumnDescriptor.Kind.PHYSICAL) {
                physical.add(new RowType.Field(c.name(), c.type()));
            }
        }
        return new TableContext(table.qualifiedName(), new RowType(physical), table.options(), table.primaryKey(),
            table.partitionKeys(), conf);
    }

    /** The row kinds the table's source produces (the factory validates the options). */
    public static ChangelogMode sourceChangelogMode(TableDescriptor table, Configuration conf) {
        TableContext ctx = tableContext(table, conf);
        try {
            return FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx).changelogMode();
        } catch (io.weir.runtime.connector.ValidationException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }

    /**
     * Whether the table's source can answer lookups (it implements {@code SupportsLookup} and reads
     * inserts only), so that a processing-time temporal join against it is a lookup join.
     */
    public static boolean supportsLookup(TableDescriptor table, Configuration conf) {
        TableContext ctx = tableContext(table, conf);
        try {
            io.weir.runtime.connector.ScanSource<?> source =
                FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
            return source instanceof io.weir.runtime.connector.SupportsLookup && source.changelogMode().isInsertOnly();
        } catch (io.weir.runtime.connector.ValidationException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }

    /** Creates the table's sink; the factory validates the options. */
    public static TableSink createSink(TableDescriptor table, Configuration conf) {
        TableContext ctx = tableContext(table, conf);
        try {
            return FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
        } catch (io.weir.runtime.connector.ValidationException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }
}
