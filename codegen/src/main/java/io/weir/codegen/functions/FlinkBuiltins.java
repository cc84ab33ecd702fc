package io.weir.codegen.functions;

import static io.weir.codegen.functions.WeirSqlFunction.callStatic;
import static io.weir.codegen.functions.WeirSqlFunction.method;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NotNullImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's string, math and collection built-ins that Calcite lacks or defines differently (Flink's
 * names, result types and edge cases), implemented by {@link FlinkStringFunctions} and
 * {@link FlinkCollectionFunctions}. Registered by
 * {@link WeirOperatorTable}; {@code ROUND}, {@code TRUNCATE} and {@code LOG10} replace Calcite's.
 */
final class FlinkBuiltins {
    private static final SqlReturnTypeInference STRING = ReturnTypes.explicit(
        tf -> tf.createSqlType(SqlTypeName.VARCHAR, tf.getTypeSystem().getMaxPrecision(SqlTypeName.VARCHAR)))
        .andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference INT = ReturnTypes.INTEGER.andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference DOUBLE = ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference BOOLEAN_NOT_NULL = ReturnTypes.BOOLEAN;

    private static final SqlOperandTypeChecker S = OperandTypes.family(SqlTypeFamily.CHARACTER);
    private static final SqlOperandTypeChecker SS = OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER);
    private static final SqlOperandTypeChecker SSS =
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER);
    private static final SqlOperandTypeChecker SSI =
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER);
    private static final SqlOperandTypeChecker N = OperandTypes.family(SqlTypeFamily.NUMERIC);

    private FlinkBuiltins() {
    }

    /** Every function defined here. */
    static List<WeirSqlFunction> all() {
        List<WeirSqlFunction> f = new ArrayList<>();
        f.add(strict("BIN", STRING, OperandTypes.family(SqlTypeFamily.INTEGER), "bin"));
        f.add(strict("HEX", STRING, OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER), S),
            (t, call, args) -> isString(call.getOperands().get(0).getType())
                ? callStatic(method(FlinkStringFunctions.class, "hexString", String.class), args, call.getType())
                : callStatic(method(FlinkStringFunctions.class, "hex", long.class), args, call.getType())));
        f.add(strict("FROM_BASE64", STRING, S, "fromBase64"));
        f.add(strict("CHR", ReturnTypes.explicit(SqlTypeName.CHAR, 1).andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.family(SqlTypeFamily.INTEGER), "chr"));
        f.add(strict("LOCATE", INT, OperandTypes.or(SS, SSI), "locate"));
        f.add(strict("SUBSTR", STRING, OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)), "substr"));
        f.add(strict("STARTSWITH", ReturnTypes.BOOLEAN_NULLABLE, SS, "startsWith"));
        f.add(strict("ENDSWITH", ReturnTypes.BOOLEAN_NULLABLE, SS, "endsWith"));
        f.add(strict("BTRIM", STRING, OperandTypes.or(S, SS), "btrim"));
        f.add(strict("PARSE_URL", STRING, OperandTypes.or(SS, SSS), "parseUrl"));
        f.add(strict("STR_TO_MAP", FlinkBuiltins::stringMap, OperandTypes.or(S, SSS), "strToMap"));
        f.add(strict("JSON_QUOTE", STRING, S, "jsonQuote"));
        f.add(strict("JSON_UNQUOTE", STRING, S, "jsonUnquote"));
        f.add(strict("URL_ENCODE", STRING, S, "urlEncode"));
        f.add(strict("URL_DECODE", STRING, S, "urlDecode"));
        f.add(strict("CONVERT_TZ", STRING, SSS, "convertTz"));
        f.add(strict("REGEXP_COUNT", INT, SS, "regexpCount"));
        f.add(strict("REGEXP_INSTR", INT, SS, "regexpInstr"));
        f.add(strict("REGEXP_SUBSTR", STRING, SS, "regexpSubstr"));
        f.add(strict("REGEXP_EXTRACT_ALL", FlinkBuiltins::stringArray, OperandTypes.or(SS, SSI), "regexpExtractAll"));
        f.add(lenient("PRINTF", STRING, OperandTypes.variadic(SqlOperandCountRanges.from(1)),
            (t, call, args) -> callStatic(method(FlinkStringFunctions.class, "printf", String.class, Object[].class),
                List.of(args.get(0), objectArray(args.subList(1, args.size()))), call.getType())));
        f.add(lenient("ELT", FlinkBuiltins::eltType, OperandTypes.variadic(SqlOperandCountRanges.from(2)),
            (t, call, args) -> callStatic(method(FlinkStringFunctions.class, "elt", Long.class, Object[].class),
                List.of(args.get(0), objectArray(args.subList(1, args.size()))), call.getType())));
        f.add(lenient("IS_ALPHA", BOOLEAN_NOT_NULL, S, byArity("isAlpha")));
        f.add(lenient("IS_DIGIT", BOOLEAN_NOT_NULL, S, byArity("isDigit")));
        f.add(lenient("IS_DECIMAL", BOOLEAN_NOT_NULL, S, byArity("isDecimal")));
        f.add(strict("LOG", DOUBLE, OperandTypes.or(N, OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC)),
            "log"));
        f.add(strict("LOG2", DOUBLE, N, "log2"));
        f.add(strict("LOG10", DOUBLE, N, "log10"));
        f.add(roundOrTruncate("ROUND", "round"));
        f.add(roundOrTruncate("TRUNCATE", "truncate"));
        f.add(lenient("ARRAY_CONTAINS", ReturnTypes.BOOLEAN_NULLABLE,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY), (t, call, args) -> callStatic(
                method(FlinkStringFunctions.class, "arrayContains", List.class, Object.class),
                List.of(args.get(0), EnumUtils.convert(args.get(1), Object.class)), call.getType())));
        f.add(strict("ARRAY_DISTINCT", ReturnTypes.ARG0_NULLABLE, OperandTypes.family(SqlTypeFamily.ARRAY),
            "arrayDistinct"));
        f.add(strict("ARRAY_REVERSE", ReturnTypes.ARG0_NULLABLE, OperandTypes.family(SqlTypeFamily.ARRAY),
            "arrayReverse"));
        f.add(strict("ARRAY_JOIN", STRING, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER),
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)), "arrayJoin"));
        f.addAll(collections());
        f.add(strict("MAP_KEYS", b -> mapPart(b, true), OperandTypes.family(SqlTypeFamily.MAP), "mapKeys"));
        f.add(strict("MAP_VALUES", b -> mapPart(b, false), OperandTypes.family(SqlTypeFamily.MAP), "mapValues"));
        return f;
    }

    /** Flink's array functions, {@code SPLIT}, {@code MAP_FROM_ARRAYS} and {@code JSON_STRING}. */
    private static List<WeirSqlFunction> collections() {
        Class<?> c = FlinkCollectionFunctions.class;
        SqlOperandTypeChecker arrayAny = OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY);
        SqlOperandTypeChecker arrays = OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ARRAY);
        org.apache.calcite.sql.type.FamilyOperandTypeChecker array = OperandTypes.family(SqlTypeFamily.ARRAY);
        List<WeirSqlFunction> f = new ArrayList<>();
        f.add(lenient("ARRAY_APPEND", FlinkBuiltins::arrayWithElement, arrayAny, withElement(c, "arrayAppend")));
        f.add(lenient("ARRAY_PREPEND", FlinkBuiltins::arrayWithElement, arrayAny, withElement(c, "arrayPrepend")));
        f.add(lenient("ARRAY_REMOVE", ReturnTypes.ARG0, arrayAny, withElement(c, "arrayRemove")));
        f.add(strict("ARRAY_POSITION", INT, arrayAny, withElement(c, "arrayPosition")));
        f.add(strict("ARRAY_SLICE", ReturnTypes.ARG0_NULLABLE, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
            byArity(c, "arraySlice")));
        f.add(strict("ARRAY_SORT", ReturnTypes.ARG0_NULLABLE, OperandTypes.or(array,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.BOOLEAN),
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.BOOLEAN, SqlTypeFamily.BOOLEAN)),
            byArity(c, "arraySort")));
        f.add(strict("ARRAY_UNION", ReturnTypes.LEAST_RESTRICTIVE, arrays, byArity(c, "arrayUnion")));
        f.add(strict("ARRAY_EXCEPT", ReturnTypes.ARG0_NULLABLE, arrays, byArity(c, "arrayExcept")));
        f.add(strict("ARRAY_INTERSECT", ReturnTypes.ARG0_NULLABLE, arrays, byArity(c, "arrayIntersect")));
        f.add(lenient("ARRAY_CONCAT", ReturnTypes.LEAST_RESTRICTIVE,
            OperandTypes.repeat(SqlOperandCountRanges.from(1), array), (t, call, args) -> callStatic(
                method(c, "arrayConcat", Object[].class), List.of(objectArray(args)), call.getType())));
        f.add(strict("ARRAY_MAX", FlinkBuiltins::elementType, array, byArity(c, "arrayMax")));
        f.add(strict("ARRAY_MIN", FlinkBuiltins::elementType, array, byArity(c, "arrayMin")));
        f.add(strict("SPLIT", FlinkBuiltins::stringArray, SS, byArity(c, "split")));
        f.add(strict("MAP_FROM_ARRAYS", FlinkBuiltins::mapFromArrays, arrays, byArity(c, "mapFromArrays")));
        f.add(strict("JSON_STRING", STRING, OperandTypes.ANY, (t, call, args) -> callStatic(
            method(c, "jsonString", Object.class), List.of(EnumUtils.convert(args.get(0), Object.class)),
            call.getType())));
        return f;
    }

    /** Calls {@code name(array, element)} with the element converted to the result array's element class. */
    private static NotNullImplementor withElement(Class<?> c, String name) {
        return (t, call, args) -> {
            RelDataType arrayType = call.getOperands().get(0).getType();
            java.lang.reflect.Type element = WeirSqlFunction.javaClass(arrayType.getComponentType());
            Class<?> boxed = element instanceof Class<?> && ((Class<?>) element).isPrimitive()
                ? org.apache.calcite.linq4j.tree.Primitive.box((Class<?>) element) : Object.class;
            Expression needle = EnumUtils.convert(EnumUtils.convert(args.get(1), boxed), Object.class);
            return callStatic(find(c, name, 2), List.of(args.get(0), needle), call.getType());
        };
    }

    private static RelDataType arrayWithElement(SqlOperatorBinding b) {
        RelDataTypeFactory tf = b.getTypeFactory();
        RelDataType array = b.getOperandType(0);
        RelDataType element = tf.leastRestrictive(List.of(array.getComponentType(), b.getOperandType(1)));
        if (element == null) {
            element = array.getComponentType();
        }
        return tf.createTypeWithNullability(tf.createArrayType(element, -1), array.isNullable());
    }

    private static RelDataType elementType(SqlOperatorBinding b) {
        return b.getTypeFactory().createTypeWithNullability(b.getOperandType(0).getComponentType(), true);
    }

    private static RelDataType mapFromArrays(SqlOperatorBinding b) {
        RelDataTypeFactory tf = b.getTypeFactory();
        return tf.createTypeWithNullability(tf.createMapType(b.getOperandType(0).getComponentType(),
            b.getOperandType(1).getComponentType()), b.getOperandType(0).isNullable() || b.getOperandType(1).isNullable());
    }

    /**
     * {@code ROUND}/{@code TRUNCATE}: Flink's result type (for a DECIMAL(p, s) and a literal n < s:
     * DECIMAL(1 + p - s + n, n), or DECIMAL(1 + p - s, 0) for n < 0; otherwise the argument's type)
     * and Flink's half-up rounding.
     */
    private static WeirSqlFunction roundOrTruncate(String name, String impl) {
        return strict(name, FlinkBuiltins::roundType,
            OperandTypes.or(N, OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER)),
            (t, call, args) -> {
                RelDataType type = call.getType();
                List<Expression> all = new ArrayList<>(args);
                if (all.size() == 1) {
                    all.add(Expressions.constant(0));
                }
                switch (call.getOperands().get(0).getType().getSqlTypeName()) {
                    case DECIMAL:
                        all.add(Expressions.constant(type.getScale()));
                        return callStatic(method(FlinkStringFunctions.class, impl, BigDecimal.class, int.class,
                            int.class), all, type);
                    case FLOAT: case REAL: case DOUBLE:
                        return callStatic(method(FlinkStringFunctions.class, impl, double.class, int.class), all, type);
                    default:
                        return callStatic(method(FlinkStringFunctions.class, impl, long.class, int.class), all, type);
                }
            });
    }

    private static RelDataType roundType(SqlOperatorBinding b) {
        RelDataType arg = b.getOperandType(0);
        RelDataTypeFactory tf = b.getTypeFactory();
        boolean nullable = arg.isNullable() || (b.getOperandCount() > 1 && b.getOperandType(1).isNullable());
        if (arg.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return tf.createTypeWithNullability(arg, nullable);
        }
        Integer n = b.getOperandCount() == 1 ? Integer.valueOf(0)
            : b.isOperandLiteral(1, false) ? b.getOperandLiteralValue(1, Integer.class) : null;
        int p = arg.getPrecision();
        int s = arg.getScale();
        RelDataType type = arg;
        if (n != null && n < s) {
            type = n < 0 ? tf.createSqlType(SqlTypeName.DECIMAL, Math.min(38, 1 + p - s), 0)
                : tf.createSqlType(SqlTypeName.DECIMAL, 1 + p - s + n, n);
        }
        return tf.createTypeWithNullability(type, nullable);
    }

    private static RelDataType stringMap(SqlOperatorBinding b) {
        RelDataTypeFactory tf = b.getTypeFactory();
        RelDataType s = STRING.inferReturnType(b);
        return tf.createTypeWithNullability(tf.createMapType(s, s), true);
    }

    private static RelDataType stringArray(SqlOperatorBinding b) {
        RelDataTypeFactory tf = b.getTypeFactory();
        return tf.createTypeWithNullability(tf.createArrayType(STRING.inferReturnType(b), -1), true);
    }

    private static RelDataType eltType(SqlOperatorBinding b) {
        RelDataTypeFactory tf = b.getTypeFactory();
        RelDataType common = tf.leastRestrictive(b.collectOperandTypes().subList(1, b.getOperandCount()));
        if (common == null) {
            throw b.newError(org.apache.calcite.util.Static.RESOURCE.typeNotComparableNear("ELT", "ELT"));
        }
        return tf.createTypeWithNullability(common, true);
    }

    private static RelDataType mapPart(SqlOperatorBinding b, boolean keys) {
        RelDataTypeFactory tf = b.getTypeFactory();
        RelDataType map = b.getOperandType(0);
        RelDataType element = keys ? map.getKeyType() : map.getValueType();
        return tf.createTypeWithNullability(tf.createArrayType(element, -1), map.isNullable());
    }

    private static boolean isString(RelDataType type) {
        return SqlTypeFamily.CHARACTER.contains(type);
    }

    private static Expression objectArray(List<Expression> args) {
        List<Expression> boxed = new ArrayList<>();
        for (Expression a : args) {
            boxed.add(EnumUtils.convert(a, Object.class));
        }
        return Expressions.newArrayInit(Object.class, boxed);
    }

    /** The public static method of {@link FlinkStringFunctions} named {@code name} taking as many arguments as the call. */
    private static NotNullImplementor byArity(String name) {
        return byArity(FlinkStringFunctions.class, name);
    }

    private static NotNullImplementor byArity(Class<?> c, String name) {
        return (t, call, args) -> callStatic(find(c, name, args.size()), args, call.getType());
    }

    private static Method find(Class<?> c, String name, int arity) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                return m;
            }
        }
        throw new IllegalStateException("missing runtime method " + c.getSimpleName() + "." + name + "/" + arity);
    }

    private static WeirSqlFunction strict(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker checker,
                                          String impl) {
        return strict(name, ret, checker, byArity(impl));
    }

    private static WeirSqlFunction strict(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker checker,
                                          NotNullImplementor impl) {
        return new WeirSqlFunction(name, ret, checker, SqlFunctionCategory.SYSTEM, impl, NullPolicy.SEMI_STRICT,
            true, SqlSyntax.FUNCTION);
    }

    /** Arguments may be null when the implementation is called (it handles NULL itself). */
    private static WeirSqlFunction lenient(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker checker,
                                           NotNullImplementor impl) {
        return new WeirSqlFunction(name, ret, checker, SqlFunctionCategory.SYSTEM, impl, NullPolicy.NONE,
            true, SqlSyntax.FUNCTION);
    }
}
