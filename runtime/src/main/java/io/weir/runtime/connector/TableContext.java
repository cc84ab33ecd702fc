package io.weir.runtime.connector;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.types.RowType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a table factory gets to create a source or sink: the table's name (as written, e.g.
 * {@code default_catalog.default_database.orders}), its physical columns, its {@code WITH} options,
 * primary key and partition keys, and the job configuration.
 */
public final class TableContext {
    private final String tableName;
    private final RowType physicalRowType;
    private final Map<String, String> options;
    private final List<String> primaryKey;
    private final List<String> partitionKeys;
    private final Configuration jobConfiguration;

    public TableContext(String tableName, RowType physicalRowType, Map<String, String> options,
                        List<String> primaryKey, List<String> partitionKeys, Configuration jobConfiguration) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.physicalRowType = Objects.requireNonNull(physicalRowType, "physicalRowType");
        this.options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        this.primaryKey = List.copyOf(primaryKey);
        this.partitionKeys = List.copyOf(partitionKeys);
        this.jobConfiguration = jobConfiguration.copy();
    }

    public String tableName() { return tableName; }

    /** The physical columns (no computed or metadata columns), in table order. */
    public RowType physicalRowType() { return physicalRowType; }

    /** The {@code WITH} options as written. */
    public Map<String, String> options() { return options; }

    /** The options as a typed {@link Configuration}; read them with the factory's {@link ConfigOption}s. */
    public Configuration tableOptions() { return new Configuration(options); }

    /** Reads one option, with its default; a bad value fails naming the table and the option. */
    public <T> T get(ConfigOption<T> option) {
        try {
            return tableOptions().get(option);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Table '" + tableName + "': " + e.getMessage(), e);
        }
    }

    /** Primary key column names (empty if none). */
    public List<String> primaryKey() { return primaryKey; }

    /** {@code PARTITIONED BY} column names (empty if none). */
    public List<String> partitionKeys() { return partitionKeys; }

    public Configuration jobConfiguration() { return jobConfiguration.copy(); }
}
