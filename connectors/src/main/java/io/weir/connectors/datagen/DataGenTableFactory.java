package io.weir.connectors.datagen;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.connectors.ConnectorOptions.DataGen;
import io.weir.connectors.generator.GeneratorSource;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.types.RowType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code 'connector' = 'datagen'}: random or sequence values per column, Flink's options
 * ({@code rows-per-second}, {@code number-of-rows}, {@code fields.<f>.kind|min|max|length|start|end|null-rate|var-len|max-past})
 * plus {@code seed}. Bounded when {@code number-of-rows} is set or any column is a sequence.
 */
public final class DataGenTableFactory implements TableSourceFactory {

    @Override
    public String identifier() {
        return "datagen";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(DataGen.ALL);
    }

    @Override
    public Set<String> optionalOptionPrefixes() {
        return Set.of(DataGen.FIELDS_PREFIX);
    }

    @Override
    public ScanSource<?> createSource(TableContext context) {
        FactoryUtil.validateOptions(this, context, List.of());
        return new GeneratorSource("datagen", createGenerator(context));
    }

    /** The generator of a table. */
    public static DataGenerator createGenerator(TableContext context) {
        RowType type = context.physicalRowType();
        Map<String, Map<String, String>> perField = fieldOptions(context, type);
        long rows = context.get(DataGen.NUMBER_OF_ROWS) == null ? -1 : context.get(DataGen.NUMBER_OF_ROWS);
        double rate = context.get(DataGen.ROWS_PER_SECOND);
        FieldGenerator[] gens = new FieldGenerator[type.arity()];
        double[] nullRates = new double[type.arity()];
        for (int i = 0; i < gens.length; i++) {
            DataGenFields f = new DataGenFields(context.tableName(), type.fieldName(i),
                perField.getOrDefault(type.fieldName(i), Map.of()));
            if (f.isSequence()) {
                long len = f.sequenceLength(type.fieldType(i));
                rows = rows < 0 ? len : Math.min(rows, len);
                gens[i] = f.sequence(type.fieldType(i));
            } else {
                gens[i] = f.random(type.fieldType(i), rate);
            }
            nullRates[i] = f.nullRate();
        }
        return new DataGenerator(type, gens, nullRates, context.get(DataGen.SEED), rows, rate);
    }

    private static Map<String, Map<String, String>> fieldOptions(TableContext context, RowType type) {
        Map<String, Map<String, String>> perField = new HashMap<>();
        for (Map.Entry<String, String> e : context.options().entrySet()) {
            if (!e.getKey().startsWith(DataGen.FIELDS_PREFIX)) {
                continue;
            }
            String rest = e.getKey().substring(DataGen.FIELDS_PREFIX.length());
            int dot = rest.lastIndexOf('.');
            String field = dot < 0 ? rest : rest.substring(0, dot);
            String suffix = dot < 0 ? "" : rest.substring(dot + 1);
            if (type.indexOf(field) < 0) {
                throw new ValidationException("Table '" + context.tableName() + "': option '" + e.getKey()
                    + "' names an unknown column '" + field + "'. Columns: " + type.fieldNames());
            }
            if (!DataGen.FIELD_SUFFIXES.contains(suffix)) {
                throw new ValidationException("Table '" + context.tableName() + "': unsupported option '" + e.getKey()
                    + "'. Supported per-field options: " + DataGen.FIELD_SUFFIXES);
            }
            perField.computeIfAbsent(field, k -> new HashMap<>()).put(suffix, e.getValue());
        }
        return perField;
    }
}
