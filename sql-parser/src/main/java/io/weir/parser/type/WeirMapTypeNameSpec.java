package io.weir.parser.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/** Flink's {@code MAP<K, V>}, whose key and value types carry their own nullability. */
public final class WeirMapTypeNameSpec extends SqlTypeNameSpec {
    private final SqlDataTypeSpec keyType;
    private final SqlDataTypeSpec valueType;

    public WeirMapTypeNameSpec(SqlDataTypeSpec keyType, SqlDataTypeSpec valueType, SqlParserPos pos) {
        super(new SqlIdentifier("MAP", pos), pos);
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public SqlDataTypeSpec getKeyType() {
        return keyType;
    }

    public SqlDataTypeSpec getValueType() {
        return valueType;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        return validator.getTypeFactory().createMapType(
            keyType.deriveType(validator, true), valueType.deriveType(validator, true));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        DataTypeSpecs.openAngle(writer, "MAP");
        DataTypeSpecs.unparseWithNullability(writer, keyType);
        DataTypeSpecs.comma(writer);
        DataTypeSpecs.unparseWithNullability(writer, valueType);
        DataTypeSpecs.closeAngle(writer);
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
        if (!(spec instanceof WeirMapTypeNameSpec)) {
            return litmus.fail("{} != {}", this, spec);
        }
        WeirMapTypeNameSpec that = (WeirMapTypeNameSpec) spec;
        return DataTypeSpecs.equalsWithNullability(keyType, that.keyType, litmus)
            && DataTypeSpecs.equalsWithNullability(valueType, that.valueType, litmus);
    }
}
