package io.weir.codegen.expr;

import io.weir.codegen.runtime.RowAccess;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Reads input field {@code i} for Calcite's translator from the {@code Object[]} of a Weir row,
 * converting Weir's storage (byte[], Float, nested Row) to what Calcite's code expects (ByteString,
 * Double for FLOAT, an Object for ROW). Fields {@code [offset, offset + arity)} come from this row;
 * the others from {@code next} (the right input of a join).
 */
final class RowInputGetter implements RexToLixTranslator.InputGetter {
    private static final JavaTypeFactoryImpl JAVA_TYPES = new JavaTypeFactoryImpl();

    private final Expression fields;
    private final List<RelDataTypeField> rowFields;
    private final int offset;
    private final RowInputGetter next;

    RowInputGetter(Expression fields, RelDataType rowType, int offset, RowInputGetter next) {
        this.fields = fields;
        this.rowFields = rowType.getFieldList();
        this.offset = offset;
        this.next = next;
    }

    @Override
    public Expression field(BlockBuilder list, int index, Type storageType) {
        int local = index - offset;
        if (local >= rowFields.size()) {
            if (next == null) {
                throw new IllegalArgumentException("input field $" + index + " out of range");
            }
            return next.field(list, index, storageType);
        }
        return read(Expressions.arrayIndex(fields, Expressions.constant(local)),
            rowFields.get(local).getType(), storageType);
    }

    /** An expression converting a Weir value ({@code raw}, static type Object) to Calcite's class. */
    static Expression read(Expression raw, RelDataType type, Type storageType) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.ROW || name == SqlTypeName.ANY || name == SqlTypeName.NULL) {
            return raw;
        }
        Expression value;
        if (name == SqlTypeName.BINARY || name == SqlTypeName.VARBINARY) {
            value = Expressions.call(RowAccess.class, "toByteString", raw);
        } else if (name == SqlTypeName.FLOAT) {
            value = Expressions.call(RowAccess.class, "floatAsDouble", raw);
        } else {
            value = Expressions.convert_(raw, Primitive.box(JAVA_TYPES.getJavaClass(type)));
        }
        Type target = storageType != null ? storageType : JAVA_TYPES.getJavaClass(type);
        return EnumUtils.convert(value, target);
    }

    /** An expression converting a Calcite value to Weir's storage, boxed (for an Object[] slot). */
    static Expression write(Expression value, RelDataType type) {
        switch (type.getSqlTypeName()) {
            case BINARY:
            case VARBINARY:
                return Expressions.call(RowAccess.class, "toBytes", Expressions.box(value));
            case FLOAT:
            case REAL:
                return Expressions.call(RowAccess.class, "toFloat", Expressions.box(value));
            case ROW:
                return Expressions.call(RowAccess.class, "toRow", Expressions.box(value));
            case DECIMAL:
                return type.getScale() < 0 ? value : Expressions.call(RowAccess.class, "toDecimal",
                    EnumUtils.convert(value, java.math.BigDecimal.class), Expressions.constant(type.getScale()));
            case ANY:
            case NULL:
            case MAP:
            case ARRAY:
            case MULTISET:
                return Expressions.box(value);
            default:
                return EnumUtils.convert(value, Primitive.box(JAVA_TYPES.getJavaClass(type)));
        }
    }
}
