package io.weir.parser.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/** Flink's {@code ARRAY<T>} and {@code MULTISET<T>}, whose element type carries its own nullability. */
public final class WeirCollectionTypeNameSpec extends SqlTypeNameSpec {
    private final SqlTypeName collectionType;
    private final SqlDataTypeSpec elementType;

    public WeirCollectionTypeNameSpec(SqlTypeName collectionType, SqlDataTypeSpec elementType, SqlParserPos pos) {
        super(new SqlIdentifier(collectionType.name(), pos), pos);
        if (collectionType != SqlTypeName.ARRAY && collectionType != SqlTypeName.MULTISET) {
            throw new IllegalArgumentException("not a collection type: " + collectionType);
        }
        this.collectionType = collectionType;
        this.elementType = elementType;
    }

    /** {@link SqlTypeName#ARRAY} or {@link SqlTypeName#MULTISET}. */
    public SqlTypeName getCollectionType() {
        return collectionType;
    }

    public SqlDataTypeSpec getElementType() {
        return elementType;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        RelDataTypeFactory factory = validator.getTypeFactory();
        RelDataType element = elementType.deriveType(validator, true);
        return collectionType == SqlTypeName.ARRAY
            ? factory.createArrayType(element, -1)
            : factory.createMultisetType(element, -1);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        DataTypeSpecs.openAngle(writer, collectionType.name());
        DataTypeSpecs.unparseWithNullability(writer, elementType);
        DataTypeSpecs.closeAngle(writer);
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
        if (!(spec instanceof WeirCollectionTypeNameSpec)) {
            return litmus.fail("{} != {}", this, spec);
        }
        WeirCollectionTypeNameSpec that = (WeirCollectionTypeNameSpec) spec;
        if (collectionType != that.collectionType) {
            return litmus.fail("{} != {}", this, spec);
        }
        return DataTypeSpecs.equalsWithNullability(elementType, that.elementType, litmus);
    }
}
