package io.weir.planner.calcite;

import io.weir.planner.types.TypeConverter;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Converts between Calcite's {@link RelDataType} and Weir's runtime {@link DataType}, for the
 * planner's own code. It delegates to the catalog's {@link TypeConverter}, so that there is one
 * mapping (e.g. FLOAT is Calcite's 4-byte REAL, as Flink's FLOAT is a 4-byte float).
 */
public final class RelTypes {
    private RelTypes() {
    }

    /** The Calcite type of a runtime type, with the same nullability. */
    public static RelDataType toRelDataType(RelDataTypeFactory f, DataType t) {
        return TypeConverter.toRelDataType(t, f);
    }

    /** A Calcite struct type with the fields of {@code rowType}. */
    public static RelDataType toRelRowType(RelDataTypeFactory f, RowType rowType) {
        return TypeConverter.toRelRowType(rowType, f);
    }

    /** The runtime type of a Calcite type. */
    public static DataType toDataType(RelDataType t) {
        return TypeConverter.toDataType(t);
    }

    /** The runtime row type of a Calcite struct type. */
    public static RowType toRowType(RelDataType struct) {
        return TypeConverter.toRowType(struct);
    }
}
