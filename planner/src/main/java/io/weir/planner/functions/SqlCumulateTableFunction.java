package io.weir.planner.functions;

import org.apache.calcite.sql.SqlWindowTableFunction;

import java.util.List;

/**
 * The {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset])} windowing table function,
 * which Calcite lacks: windows that all start at a multiple of {@code size} and grow by
 * {@code step} until they reach {@code size} (Flink's semantics). Output columns: the input's,
 * then {@code window_start}, {@code window_end}, {@code window_time}.
 */
public final class SqlCumulateTableFunction extends SqlWindowTableFunction {

    public SqlCumulateTableFunction() {
        super("CUMULATE", new WindowOperandMetadata(List.of("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET"), 4,
            "(TABLE table_name, DESCRIPTOR(timecol), datetime interval step, datetime interval size"
                + "[, datetime interval offset])"));
    }
}
