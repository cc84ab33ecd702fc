package io.weir.connectors.datagen;

import io.weir.connectors.generator.RowGenerator;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.util.SplittableRandom;

/**
 * The rows of a datagen table: row {@code i} is a pure function of {@code i} and the seed (each
 * row draws from its own random generator seeded by {@code seed} and {@code i}), so the same seed
 * gives the same rows at any parallelism and after any restore.
 */
public final class DataGenerator implements RowGenerator {
    private final RowType rowType;
    private final FieldGenerator[] fields;
    private final double[] nullRates;
    private final long seed;
    private final long totalRows;
    private final double rowsPerSecond;

    DataGenerator(RowType rowType, FieldGenerator[] fields, double[] nullRates, long seed, long totalRows, double rowsPerSecond) {
        this.rowType = rowType;
        this.fields = fields;
        this.nullRates = nullRates;
        this.seed = seed;
        this.totalRows = totalRows;
        this.rowsPerSecond = rowsPerSecond;
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public Row generate(long index, long anchorMillis) {
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            boolean isNull = nullRates[i] > 0 && random.nextDouble() < nullRates[i];
            Object v = fields[i].value(index, anchorMillis, random);
            values[i] = isNull ? null : v;
        }
        return Row.of(values);
    }

    /** Stafford's mix13 finalizer: neighbouring indexes get unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long totalRows() {
        return totalRows;
    }

    @Override
    public double rowsPerSecond() {
        return rowsPerSecond;
    }
}
