package io.weir.parser.type;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * Flink's {@code ROW<a INT, b STRING NOT NULL>} (also written {@code ROW(...)}); fields are
 * nullable unless declared NOT NULL. Unparsed in the {@code ROW<...>} form.
 */
public final class WeirRowTypeNameSpec extends SqlTypeNameSpec {
    private final List<SqlIdentifier> fieldNames;
    private final List<SqlDataTypeSpec> fieldTypes;

    public WeirRowTypeNameSpec(List<SqlIdentifier> fieldNames, List<SqlDataTypeSpec> fieldTypes, SqlParserPos pos) {
        super(new SqlIdentifier("ROW", pos), pos);
        if (fieldNames.size() != fieldTypes.size()) {
            throw new IllegalArgumentException("field names and types differ in length");
        }
        this.fieldNames = List.copyOf(fieldNames);
        this.fieldTypes = List.copyOf(fieldTypes);
    }

    public List<String> getFieldNames() {
        List<String> names = new ArrayList<>();
        for (SqlIdentifier id : fieldNames) {
            names.add(id.getSimple());
        }
        return names;
    }

    public List<SqlDataTypeSpec> getFieldTypes() {
        return fieldTypes;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        List<RelDataType> types = new ArrayList<>();
        for (SqlDataTypeSpec t : fieldTypes) {
            types.add(t.deriveType(validator, true));
        }
        return validator.getTypeFactory().createStructType(StructKind.PEEK_FIELDS_NO_EXPAND, types, getFieldNames());
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        DataTypeSpecs.openAngle(writer, "ROW");
        for (int i = 0; i < fieldNames.size(); i++) {
            if (i > 0) {
                DataTypeSpecs.comma(writer);
            }
            fieldNames.get(i).unparse(writer, 0, 0);
            DataTypeSpecs.unparseWithNullability(writer, fieldTypes.get(i));
        }
        DataTypeSpecs.closeAngle(writer);
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
        if (!(spec instanceof WeirRowTypeNameSpec)) {
            return litmus.fail("{} != {}", this, spec);
        }
        WeirRowTypeNameSpec that = (WeirRowTypeNameSpec) spec;
        if (!getFieldNames().equals(that.getFieldNames()) || fieldTypes.size() != that.fieldTypes.size()) {
            return litmus.fail("{} != {}", this, spec);
        }
        for (int i = 0; i < fieldTypes.size(); i++) {
            if (!DataTypeSpecs.equalsWithNullability(fieldTypes.get(i), that.fieldTypes.get(i), litmus)) {
                return false;
            }
        }
        return litmus.succeed();
    }
}
