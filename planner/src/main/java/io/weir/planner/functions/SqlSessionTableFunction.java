package io.weir.planner.functions;

import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.TableCharacteristic;

import java.util.List;

/**
 * Flink's {@code SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(ts), gap)}: session windows per
 * partition key, closed after {@code gap} without rows. Replaces Calcite's SESSION, whose key is
 * a descriptor operand and whose table may not be partitioned.
 */
public final class SqlSessionTableFunction extends SqlWindowTableFunction {

    public SqlSessionTableFunction() {
        super("SESSION", new WindowOperandMetadata(List.of("DATA", "TIMECOL", "GAP"), 3,
            "(TABLE table_name [PARTITION BY key], DESCRIPTOR(timecol), datetime interval gap)"));
    }

    @Override
    public TableCharacteristic tableCharacteristic(int ordinal) {
        if (ordinal == 0) {
            return TableCharacteristic.builder(TableCharacteristic.Semantics.SET).passColumnsThrough().build();
        }
        return null;
    }
}
