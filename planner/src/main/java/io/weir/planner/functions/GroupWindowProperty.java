package io.weir.planner.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A property of a legacy group window ({@code GROUP BY TUMBLE/HOP/SESSION(...)}): Flink's
 * auxiliary functions {@code TUMBLE_START}, {@code TUMBLE_END}, {@code TUMBLE_ROWTIME},
 * {@code TUMBLE_PROCTIME} and their HOP and SESSION twins. Before validation,
 * {@link io.weir.planner.calcite.GroupWindowSqlRewriter} replaces {@code TUMBLE_END(ts, i)} by
 * {@code TUMBLE_END($TUMBLE(ts, i))}: one operand, the group window call itself, which the validator
 * accepts as a grouped expression and the converter turns into a reference to the aggregate's window
 * key. {@code GroupWindowAggregateRule} then maps the call to the window aggregate's
 * {@code window_start}, {@code window_end} or {@code window_time}. Never evaluated at run time.
 */
public final class GroupWindowProperty extends SqlFunction {
    /** Which window property a function gives. */
    public enum Property {
        /** Inclusive start, {@code TIMESTAMP(3)}. */
        START,
        /** Exclusive end, {@code TIMESTAMP(3)}. */
        END,
        /** End - 1 ms as a rowtime attribute (for a following window). */
        ROWTIME,
        /** A processing-time attribute (for a following proctime window). */
        PROCTIME
    }

    private static final Map<String, GroupWindowProperty> BY_NAME = Stream.of("TUMBLE", "HOP", "SESSION")
        .flatMap(w -> Stream.of(Property.values()).map(p -> new GroupWindowProperty(w, p)))
        .collect(Collectors.toUnmodifiableMap(SqlFunction::getName, Function.identity()));

    private final String window;
    private final Property property;

    private GroupWindowProperty(String window, Property property) {
        super(window + "_" + property.name(), SqlKind.OTHER_FUNCTION, GroupWindowProperty::returnType, null,
            OperandTypes.ANY, SqlFunctionCategory.TIMEDATE);
        this.window = window;
        this.property = property;
    }

    /** The function for an auxiliary name such as {@code tumble_end} (any case), or null. */
    public static GroupWindowProperty of(String name) {
        return BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    /** {@code TUMBLE}, {@code HOP} or {@code SESSION}: the group window this function belongs to. */
    public String window() {
        return window;
    }

    public Property property() {
        return property;
    }

    private static RelDataType returnType(org.apache.calcite.sql.SqlOperatorBinding binding) {
        RelDataTypeFactory tf = binding.getTypeFactory();
        Property p = ((GroupWindowProperty) binding.getOperator()).property;
        if (p == Property.START || p == Property.END) {
            return tf.createSqlType(SqlTypeName.TIMESTAMP, 3);
        }
        return tf.createTypeWithNullability(binding.getOperandType(0), false);
    }

    /** Types the operand and infers the result; no operator-table lookup (the call is already resolved). */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
            validator.deriveType(scope, operand);
        }
        return validateOperands(validator, scope, call);
    }

    /**
     * Hides the operand from plain visitors: Calcite's group-function finder would otherwise refuse the
     * {@code $TUMBLE(...)} operand outside GROUP BY. Expansion, type derivation and the aggregate
     * checker use the four-argument form, which still visits it.
     */
    @Override
    public <R> R acceptCall(org.apache.calcite.sql.util.SqlVisitor<R> visitor, SqlCall call) {
        return null;
    }

    @Override
    public boolean isDynamicFunction() {
        return false;
    }
}
