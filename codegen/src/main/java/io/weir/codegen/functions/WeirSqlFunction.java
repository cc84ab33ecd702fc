package io.weir.codegen.functions;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NotNullImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A Weir built-in function: validated with an ordinary Calcite operand checker and return-type
 * inference, and translated to Java by a {@link NotNullImplementor} (usually a call to a static
 * method in {@link FlinkFunctions}). It extends {@link org.apache.calcite.sql.validate.SqlUserDefinedFunction}
 * only because that is how Calcite's {@code RexImpTable} finds implementors of operators it does not know.
 */
public class WeirSqlFunction extends org.apache.calcite.sql.validate.SqlUserDefinedFunction {
    /** The generated class's {@code FunctionContext} field, for functions that need the session. */
    public static final ParameterExpression FUNCTION_CONTEXT =
        Expressions.parameter(io.weir.runtime.generated.FunctionContext.class, "fnCtx");

    private static final JavaTypeFactoryImpl JAVA_TYPES = new JavaTypeFactoryImpl();

    private final SqlOperandTypeChecker checker;
    private final boolean deterministic;
    private final SqlSyntax weirSyntax;

    WeirSqlFunction(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker checker,
                    SqlFunctionCategory category, NotNullImplementor implementor, NullPolicy nullPolicy,
                    boolean deterministic, SqlSyntax syntax) {
        super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, returnType,
            InferTypes.RETURN_TYPE, null,
            new Impl(RexImpTable.createImplementor(implementor, nullPolicy, false)), category, syntax);
        this.checker = checker;
        this.deterministic = deterministic;
        this.weirSyntax = syntax;
    }

    /** An operator for generated code only, not for SQL text. */
    public static WeirSqlFunction internal(String name, SqlReturnTypeInference returnType,
                                           SqlOperandTypeChecker checker, NotNullImplementor implementor,
                                           NullPolicy nullPolicy) {
        return new WeirSqlFunction(name, returnType, checker, SqlFunctionCategory.SYSTEM, implementor, nullPolicy,
            true, SqlSyntax.FUNCTION);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
        return checker.checkOperandTypes(callBinding, throwOnFailure);
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return checker.getOperandCountRange();
    }

    @Override
    public String getAllowedSignatures(String opNameToUse) {
        return checker.getAllowedSignatures(this, opNameToUse);
    }

    @Override
    public boolean isDeterministic() {
        return deterministic;
    }

    @Override
    public boolean isDynamicFunction() {
        return !deterministic;
    }

    @Override
    public SqlSyntax getSyntax() {
        return weirSyntax;
    }

    @Override
    public List<String> getParamNames() {
        return List.of();
    }

    /** The Java class Calcite's generated code uses for values of {@code type}. */
    public static Type javaClass(RelDataType type) {
        return JAVA_TYPES.getJavaClass(type);
    }

    /**
     * A call of static {@code method} with each argument converted to its parameter type, and the
     * result converted to the storage class of {@code resultType}.
     */
    public static Expression callStatic(Method method, List<Expression> args, RelDataType resultType) {
        Class<?>[] params = method.getParameterTypes();
        List<Expression> converted = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            Class<?> p = params[Math.min(i, params.length - 1)];
            converted.add(EnumUtils.convert(args.get(i), p));
        }
        Expression call = Expressions.call(method, converted);
        Type target = javaClass(resultType);
        if (Primitive.is(target) && !Primitive.is(method.getReturnType())) {
            target = Primitive.box(target);
        }
        return EnumUtils.convert(call, target);
    }

    /** Looks up a public static method of {@code clazz} by name and parameter types. */
    public static Method method(Class<?> clazz, String name, Class<?>... params) {
        try {
            return clazz.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("missing runtime method " + clazz.getSimpleName() + "." + name, e);
        }
    }

    /** The Calcite function object behind the operator; only its implementor is used. */
    private static final class Impl implements ScalarFunction, ImplementableFunction {
        private final CallImplementor implementor;

        Impl(CallImplementor implementor) {
            this.implementor = implementor;
        }

        @Override
        public CallImplementor getImplementor() {
            return implementor;
        }

        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            throw new UnsupportedOperationException("return type comes from the operator's inference");
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }
    }
}
