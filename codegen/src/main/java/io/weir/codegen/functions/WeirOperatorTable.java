package io.weir.codegen.functions;

import static io.weir.codegen.functions.WeirSqlFunction.FUNCTION_CONTEXT;
import static io.weir.codegen.functions.WeirSqlFunction.callStatic;
import static io.weir.codegen.functions.WeirSqlFunction.method;

import io.weir.runtime.generated.FunctionContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.NotNullImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.util.Optionality;

/**
 * The operators Weir's SQL knows: Calcite's standard operators, a selection of Calcite's library
 * functions whose semantics equal Flink's, and Flink's built-ins that Calcite lacks, implemented by
 * {@link FlinkFunctions}. The list with semantics is in {@code codegen/FUNCTIONS.md}.
 *
 * <p>Functions that read the session ({@code PROCTIME()}, the time-zone dependent ones) are marked
 * dynamic, so that planning never folds them into constants; their generated code reads the
 * generated class's {@link FunctionContext}.
 */
public final class WeirOperatorTable {

    private static final SqlReturnTypeInference STRING_NULLABLE = ReturnTypes.explicit(
        tf -> tf.createSqlType(SqlTypeName.VARCHAR, tf.getTypeSystem().getMaxPrecision(SqlTypeName.VARCHAR)))
        .andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference TIMESTAMP3_NULLABLE = ReturnTypes.explicit(
        tf -> tf.createSqlType(SqlTypeName.TIMESTAMP, 3)).andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference TIMESTAMP_LTZ3 = ReturnTypes.explicit(
        tf -> tf.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3));
    private static final SqlReturnTypeInference TIMESTAMP_LTZ3_NULLABLE =
        TIMESTAMP_LTZ3.andThen(SqlTypeTransforms.FORCE_NULLABLE);

    private static final SqlOperandTypeChecker STRING = OperandTypes.family(SqlTypeFamily.CHARACTER);
    private static final SqlOperandTypeChecker STRING_STRING =
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER);

    /** {@code PROCTIME()}: processing time, TIMESTAMP_LTZ(3) NOT NULL. */
    public static final WeirSqlFunction PROCTIME = dynamic("PROCTIME", TIMESTAMP_LTZ3, OperandTypes.NILADIC,
        (t, call, args) -> callStatic(method(FlinkFunctions.class, "proctime", FunctionContext.class),
            List.of(FUNCTION_CONTEXT), call.getType()), NullPolicy.NONE);

    /** {@code NOW()} and {@code CURRENT_ROW_TIMESTAMP()}: processing time, TIMESTAMP_LTZ(3) NOT NULL. */
    public static final WeirSqlFunction NOW = dynamic("NOW", TIMESTAMP_LTZ3, OperandTypes.NILADIC,
        proctimeImpl(), NullPolicy.NONE);
    public static final WeirSqlFunction CURRENT_ROW_TIMESTAMP = dynamic("CURRENT_ROW_TIMESTAMP", TIMESTAMP_LTZ3,
        OperandTypes.NILADIC, proctimeImpl(), NullPolicy.NONE);

    /** {@code CURRENT_TIMESTAMP}: processing time, TIMESTAMP_LTZ(3) NOT NULL, as in Flink (Calcite's: TIMESTAMP(0)). */
    public static final WeirSqlFunction CURRENT_TIMESTAMP = new WeirSqlFunction("CURRENT_TIMESTAMP", TIMESTAMP_LTZ3,
        OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE, proctimeImpl(), NullPolicy.NONE, false,
        SqlSyntax.FUNCTION_ID);

    /** {@code LOCALTIMESTAMP}: processing time in the session time zone, TIMESTAMP(3) NOT NULL, as in Flink. */
    public static final WeirSqlFunction LOCALTIMESTAMP = new WeirSqlFunction("LOCALTIMESTAMP", ReturnTypes.explicit(
        tf -> tf.createSqlType(SqlTypeName.TIMESTAMP, 3)), OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE,
        (t, call, args) -> callStatic(method(FlinkFunctions.class, "localTimestamp", FunctionContext.class),
            List.of(FUNCTION_CONTEXT), call.getType()), NullPolicy.NONE, false, SqlSyntax.FUNCTION_ID);

    /** {@code CURRENT_WATERMARK(rowtime)}: the current watermark as the rowtime's type, NULL if none yet. */
    public static final WeirSqlFunction CURRENT_WATERMARK = dynamic("CURRENT_WATERMARK",
        ReturnTypes.ARG0.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.family(SqlTypeFamily.TIMESTAMP),
        (t, call, args) -> callStatic(method(FlinkFunctions.class, "currentWatermark", FunctionContext.class),
            List.of(FUNCTION_CONTEXT), call.getType()), NullPolicy.NONE);

    /** {@code DATE_FORMAT(ts | ts_ltz | string, fmt)}. */
    public static final WeirSqlFunction DATE_FORMAT = dynamic("DATE_FORMAT", STRING_NULLABLE,
        OperandTypes.or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER), STRING_STRING),
        (t, call, args) -> {
            SqlTypeName arg0 = call.getOperands().get(0).getType().getSqlTypeName();
            if (SqlTypeFamily.CHARACTER.contains(call.getOperands().get(0).getType())) {
                return callStatic(method(FlinkFunctions.class, "dateFormatString", String.class, String.class),
                    args, call.getType());
            }
            List<Expression> withPrecision = List.of(args.get(0),
                Expressions.constant(TimestampOperators.precision(call.getOperands().get(0).getType())), args.get(1));
            if (arg0 == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
                return callStatic(method(TimestampFunctions.class, "dateFormatLtz", long.class, int.class, String.class,
                    FunctionContext.class), with(withPrecision, FUNCTION_CONTEXT), call.getType());
            }
            return callStatic(method(TimestampFunctions.class, "dateFormat", long.class, int.class, String.class),
                withPrecision, call.getType());
        }, NullPolicy.SEMI_STRICT);

    /** {@code TO_TIMESTAMP(string [, fmt])}: TIMESTAMP(3), NULL if unparsable. */
    public static final WeirSqlFunction TO_TIMESTAMP = deterministic("TO_TIMESTAMP", TIMESTAMP3_NULLABLE,
        OperandTypes.or(STRING, STRING_STRING),
        (t, call, args) -> callStatic(args.size() == 1
            ? method(FlinkFunctions.class, "toTimestamp", String.class)
            : method(FlinkFunctions.class, "toTimestamp", String.class, String.class), args, call.getType()));

    /** {@code TO_TIMESTAMP_LTZ(epoch, precision)} or {@code TO_TIMESTAMP_LTZ(string, fmt [, zone])}. */
    public static final WeirSqlFunction TO_TIMESTAMP_LTZ = dynamic("TO_TIMESTAMP_LTZ", TIMESTAMP_LTZ3_NULLABLE,
        OperandTypes.or(OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER), STRING_STRING,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
        (t, call, args) -> {
            if (SqlTypeFamily.CHARACTER.contains(call.getOperands().get(0).getType())) {
                return args.size() == 2
                    ? callStatic(method(FlinkFunctions.class, "toTimestampLtz", String.class, String.class,
                        FunctionContext.class), with(args, FUNCTION_CONTEXT), call.getType())
                    : callStatic(method(FlinkFunctions.class, "toTimestampLtz", String.class, String.class,
                        String.class), args, call.getType());
            }
            SqlTypeName arg0 = call.getOperands().get(0).getType().getSqlTypeName();
            Class<?> epochClass = SqlTypeName.INT_TYPES.contains(arg0) ? long.class : BigDecimal.class;
            return callStatic(method(FlinkFunctions.class, "toTimestampLtz", epochClass, int.class), args,
                call.getType());
        }, NullPolicy.SEMI_STRICT);

    /** {@code TO_DATE(string [, fmt])}: DATE, NULL if unparsable. */
    public static final WeirSqlFunction TO_DATE = deterministic("TO_DATE",
        ReturnTypes.DATE.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.or(STRING, STRING_STRING),
        (t, call, args) -> callStatic(args.size() == 1
            ? method(FlinkFunctions.class, "toDate", String.class)
            : method(FlinkFunctions.class, "toDate", String.class, String.class), args, call.getType()));

    /** {@code FROM_UNIXTIME(seconds [, fmt])}: text in the session time zone. */
    public static final WeirSqlFunction FROM_UNIXTIME = dynamic("FROM_UNIXTIME", STRING_NULLABLE,
        OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)),
        (t, call, args) -> args.size() == 1
            ? callStatic(method(FlinkFunctions.class, "fromUnixtime", long.class, FunctionContext.class),
                with(args, FUNCTION_CONTEXT), call.getType())
            : callStatic(method(FlinkFunctions.class, "fromUnixtime", long.class, String.class,
                FunctionContext.class), with(args, FUNCTION_CONTEXT), call.getType()),
        NullPolicy.SEMI_STRICT);

    /** {@code UNIX_TIMESTAMP([string [, fmt]])}: epoch seconds, now or of a text in the session zone. */
    public static final WeirSqlFunction UNIX_TIMESTAMP = dynamic("UNIX_TIMESTAMP",
        opBinding -> {
            var bigint = opBinding.getTypeFactory().createSqlType(SqlTypeName.BIGINT);
            return opBinding.getOperandCount() == 0 ? bigint
                : opBinding.getTypeFactory().createTypeWithNullability(bigint, true);
        },
        OperandTypes.or(OperandTypes.NILADIC, STRING, STRING_STRING),
        (t, call, args) -> {
            switch (args.size()) {
                case 0: return callStatic(method(FlinkFunctions.class, "unixTimestamp", FunctionContext.class),
                    List.of(FUNCTION_CONTEXT), call.getType());
                case 1: return callStatic(method(FlinkFunctions.class, "unixTimestamp", String.class,
                    FunctionContext.class), with(args, FUNCTION_CONTEXT), call.getType());
                default: return callStatic(method(FlinkFunctions.class, "unixTimestamp", String.class, String.class,
                    FunctionContext.class), with(args, FUNCTION_CONTEXT), call.getType());
            }
        }, NullPolicy.SEMI_STRICT);

    /** {@code SPLIT_INDEX(string, separator, index)}: 0-based token, NULL if out of range. */
    public static final WeirSqlFunction SPLIT_INDEX = deterministic("SPLIT_INDEX", STRING_NULLABLE,
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
        (t, call, args) -> callStatic(method(FlinkFunctions.class, "splitIndex", String.class, String.class,
            int.class), args, call.getType()));

    /** {@code REGEXP_EXTRACT(string, regex [, group])}: group 0 (whole match) by default. */
    public static final WeirSqlFunction REGEXP_EXTRACT = deterministic("REGEXP_EXTRACT", STRING_NULLABLE,
        OperandTypes.or(STRING_STRING,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
        (t, call, args) -> callStatic(args.size() == 2
            ? method(FlinkFunctions.class, "regexpExtract", String.class, String.class)
            : method(FlinkFunctions.class, "regexpExtract", String.class, String.class, int.class),
            args, call.getType()));

    /** {@code REGEXP(string, regex)}: whether the regex matches a part of the string. */
    public static final WeirSqlFunction REGEXP = deterministic("REGEXP",
        ReturnTypes.BOOLEAN.andThen(SqlTypeTransforms.FORCE_NULLABLE), STRING_STRING,
        (t, call, args) -> callStatic(method(FlinkFunctions.class, "regexp", String.class, String.class),
            args, call.getType()));

    /** {@code HASH_CODE(x)}: INT hash of the value. */
    public static final WeirSqlFunction HASH_CODE = deterministic("HASH_CODE", ReturnTypes.INTEGER_NULLABLE,
        OperandTypes.ANY,
        (t, call, args) -> callStatic(method(FlinkFunctions.class, "hashCode", Object.class), args, call.getType()));

    /** {@code FIRST_VALUE(x)}: Flink's aggregate, usable without OVER (Calcite's requires OVER). */
    public static final SqlAggFunction FIRST_VALUE = firstLast(SqlKind.FIRST_VALUE);

    /** {@code LAST_VALUE(x)}: Flink's aggregate, usable without OVER. */
    public static final SqlAggFunction LAST_VALUE = firstLast(SqlKind.LAST_VALUE);

    /** Flink's names for functions Calcite's libraries implement with the same semantics. */
    private static final List<SqlOperator> CALCITE_LIBRARY = List.of(
        SqlLibraryOperators.IF, SqlLibraryOperators.IFNULL, SqlLibraryOperators.NVL,
        SqlLibraryOperators.CONCAT_FUNCTION, SqlLibraryOperators.CONCAT_WS,
        SqlLibraryOperators.LPAD, SqlLibraryOperators.RPAD, SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM,
        SqlLibraryOperators.REPEAT, SqlLibraryOperators.REVERSE, SqlLibraryOperators.LEFT, SqlLibraryOperators.RIGHT,
        SqlLibraryOperators.MD5, SqlLibraryOperators.SHA1, SqlLibraryOperators.SHA256,
        SqlLibraryOperators.TO_BASE64, SqlLibraryOperators.FROM_BASE64, SqlLibraryOperators.CHR,
        SqlLibraryOperators.INSTR, SqlLibraryOperators.REGEXP_REPLACE_3,
        SqlLibraryOperators.GREATEST, SqlLibraryOperators.LEAST,
        SqlLibraryOperators.STARTS_WITH, SqlLibraryOperators.ENDS_WITH, SqlLibraryOperators.TRY_CAST);

    private static final SqlOperatorTable INSTANCE = build();

    private WeirOperatorTable() {
    }

    /** Calcite's standard operators, the Calcite library functions above and Weir's own functions. */
    public static SqlOperatorTable instance() {
        return INSTANCE;
    }

    /** Weir's own functions (not Calcite's), e.g. for documentation. */
    public static List<WeirSqlFunction> weirFunctions() {
        return List.of(PROCTIME, NOW, CURRENT_ROW_TIMESTAMP, CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_WATERMARK,
            DATE_FORMAT, TO_TIMESTAMP, TO_TIMESTAMP_LTZ, TO_DATE, FROM_UNIXTIME, UNIX_TIMESTAMP, SPLIT_INDEX, REGEXP_EXTRACT, REGEXP, HASH_CODE);
    }

    private static SqlOperatorTable build() {
        List<SqlOperator> ops = new ArrayList<>(weirFunctions());
        ops.add(FIRST_VALUE);
        ops.add(LAST_VALUE);
        ops.addAll(CALCITE_LIBRARY);
        return SqlOperatorTables.chain(SqlOperatorTables.of(ops),
            new Excluding(SqlStdOperatorTable.instance(), SqlStdOperatorTable.FIRST_VALUE, SqlStdOperatorTable.LAST_VALUE,
                SqlStdOperatorTable.CURRENT_TIMESTAMP, SqlStdOperatorTable.LOCALTIMESTAMP));
    }

    /** A table without some operators of another (Calcite's OVER-only FIRST_VALUE, replaced by Flink's). */
    private static final class Excluding implements SqlOperatorTable {
        private final SqlOperatorTable delegate;
        private final List<SqlOperator> excluded;

        Excluding(SqlOperatorTable delegate, SqlOperator... excluded) {
            this.delegate = delegate;
            this.excluded = List.of(excluded);
        }

        @Override
        public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                            List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
            List<SqlOperator> found = new ArrayList<>();
            delegate.lookupOperatorOverloads(opName, category, syntax, found, nameMatcher);
            found.removeAll(excluded);
            operatorList.addAll(found);
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            List<SqlOperator> all = new ArrayList<>(delegate.getOperatorList());
            all.removeAll(excluded);
            return all;
        }
    }

    private static SqlAggFunction firstLast(SqlKind kind) {
        return new SqlAggFunction(kind.name(), null, kind, ReturnTypes.ARG0_NULLABLE_IF_EMPTY, null,
            OperandTypes.ANY, SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN) {
            @Override
            public boolean allowsFraming() {
                return true;
            }
        };
    }

    private static NotNullImplementor proctimeImpl() {
        return (t, call, args) -> callStatic(method(FlinkFunctions.class, "proctime", FunctionContext.class),
            List.of(FUNCTION_CONTEXT), call.getType());
    }

    private static List<Expression> with(List<Expression> args, Expression extra) {
        List<Expression> all = new ArrayList<>(args);
        all.add(extra);
        return all;
    }

    private static WeirSqlFunction deterministic(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker checker,
                                                 NotNullImplementor impl) {
        return new WeirSqlFunction(name, ret, checker, SqlFunctionCategory.SYSTEM, impl, NullPolicy.SEMI_STRICT,
            true, SqlSyntax.FUNCTION);
    }

    private static WeirSqlFunction dynamic(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker checker,
                                           NotNullImplementor impl, NullPolicy nullPolicy) {
        return new WeirSqlFunction(name, ret, checker, SqlFunctionCategory.SYSTEM, impl, nullPolicy,
            false, SqlSyntax.FUNCTION);
    }
}
