package io.weir.planner.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

import java.util.List;

/**
 * Weir's windowing table functions, as in Flink: {@code TUMBLE(TABLE t, DESCRIPTOR(ts), size
 * [, offset])}, {@code HOP(TABLE t, DESCRIPTOR(ts), slide, size [, offset])},
 * {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset])} and
 * {@code SESSION(TABLE t, DESCRIPTOR(ts), gap)}. Each returns the input columns followed by
 * {@code window_start}, {@code window_end} and {@code window_time} (Calcite's own functions lack
 * {@code window_time}; Flink queries use it to cascade windows).
 */
public final class WindowTableFunction extends SqlWindowTableFunction {

    /** Which window a call assigns. */
    public enum Kind { TUMBLE, HOP, CUMULATE, SESSION }

    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";
    public static final String WINDOW_TIME = "window_time";

    private static final SqlReturnTypeInference ROW_TYPE = WindowTableFunction::inferRowType;

    private final Kind kind;

    private WindowTableFunction(Kind kind, List<String> params, int mandatory, String signature) {
        super(kind.name(), new WindowOperandMetadata(params, mandatory, signature));
        this.kind = kind;
    }

    public static WindowTableFunction tumble() {
        return new WindowTableFunction(Kind.TUMBLE, List.of("DATA", "TIMECOL", "SIZE", "OFFSET"), 3,
            "(TABLE table_name, DESCRIPTOR(timecol), datetime interval size[, datetime interval offset])");
    }

    public static WindowTableFunction hop() {
        return new WindowTableFunction(Kind.HOP, List.of("DATA", "TIMECOL", "SLIDE", "SIZE", "OFFSET"), 4,
            "(TABLE table_name, DESCRIPTOR(timecol), datetime interval slide, datetime interval size"
                + "[, datetime interval offset])");
    }

    public static WindowTableFunction cumulate() {
        return new WindowTableFunction(Kind.CUMULATE, List.of("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET"), 4,
            "(TABLE table_name, DESCRIPTOR(timecol), datetime interval step, datetime interval size"
                + "[, datetime interval offset])");
    }

    public static WindowTableFunction session() {
        return new WindowTableFunction(Kind.SESSION, List.of("DATA", "TIMECOL", "GAP"), 3,
            "(TABLE table_name, DESCRIPTOR(timecol), datetime interval gap)");
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return ROW_TYPE;
    }

    private static RelDataType inferRowType(SqlOperatorBinding binding) {
        RelDataType base = ARG0_TABLE_FUNCTION_WINDOWING.inferReturnType(binding);
        RelDataTypeFactory tf = binding.getTypeFactory();
        RelDataType end = base.getField(WINDOW_END, true, false).getType();
        return tf.builder().addAll(base.getFieldList()).add(WINDOW_TIME, end).build();
    }
}
