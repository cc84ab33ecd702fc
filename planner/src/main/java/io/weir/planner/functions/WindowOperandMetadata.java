package io.weir.planner.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/**
 * Operand checks of Weir's windowing table functions: operand 0 a table, operand 1
 * {@code DESCRIPTOR(col)} naming one timestamp column of it, the rest datetime intervals.
 */
final class WindowOperandMetadata implements SqlOperandMetadata {
    private final List<String> names;
    private final int mandatory;
    private final String signature;

    WindowOperandMetadata(List<String> names, int mandatory, String signature) {
        this.names = names;
        this.mandatory = mandatory;
        this.signature = signature;
    }

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
        return List.of();
    }

    @Override
    public List<String> paramNames() {
        return names;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        boolean ok = timeColumnIsTimestamp(binding);
        for (int i = 2; i < binding.getOperandCount(); i++) {
            ok &= SqlTypeUtil.isInterval(binding.getOperandType(i));
        }
        if (!ok && throwOnFailure) {
            throw binding.newValidationSignatureError();
        }
        return ok;
    }

    private static boolean timeColumnIsTimestamp(SqlCallBinding binding) {
        SqlNode descriptor = binding.operand(1);
        if (descriptor.getKind() != SqlKind.DESCRIPTOR) {
            return false;
        }
        RelDataType tableType = binding.getValidator().getValidatedNodeType(binding.operand(0));
        List<SqlNode> columns = ((SqlCall) descriptor).getOperandList();
        if (columns.size() != 1) {
            return false;
        }
        String name = ((SqlIdentifier) columns.get(0)).getSimple();
        for (RelDataTypeField f : tableType.getFieldList()) {
            if (f.getName().equals(name)) {
                return f.getType().getSqlTypeName().getFamily() == SqlTypeFamily.TIMESTAMP
                    || SqlTypeUtil.isTimestamp(f.getType());
            }
        }
        return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.between(mandatory, names.size());
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return opName + signature;
    }

    @Override
    public boolean isOptional(int i) {
        return i >= mandatory;
    }
}
