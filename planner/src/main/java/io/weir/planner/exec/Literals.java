package io.weir.planner.exec;

import io.weir.codegen.functions.TimestampOperators;
import io.weir.planner.physical.StreamPhysicalValues;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.runtime.types.TimestampUnits;
import org.apache.calcite.rex.RexLiteral;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Converts Calcite literals into Weir's internal field values (see DESIGN.md, data model). */
final class Literals {
    private Literals() {
    }

    static List<List<Object>> rows(StreamPhysicalValues values, RowType type) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                row.add(value(tuple.get(i), type.fieldType(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    static Object value(RexLiteral l, DataType t) {
        if (l.isNull()) {
            return null;
        }
        switch (t.root()) {
            case BOOLEAN: return l.getValueAs(Boolean.class);
            case TINYINT: return l.getValueAs(Byte.class);
            case SMALLINT: return l.getValueAs(Short.class);
            case INTEGER: case DATE: case TIME: case INTERVAL_YEAR_MONTH: return l.getValueAs(Integer.class);
            case BIGINT: case INTERVAL_DAY_TIME: return l.getValueAs(Long.class);
            case TIMESTAMP: case TIMESTAMP_LTZ:
                return TimestampUnits.rescale(TimestampOperators.unitsOf(l),
                    TimestampOperators.precision(l.getType()), t.precision());
            case FLOAT: return l.getValueAs(BigDecimal.class).floatValue();
            case DOUBLE: return l.getValueAs(BigDecimal.class).doubleValue();
            case DECIMAL: return l.getValueAs(BigDecimal.class);
            case CHAR: case VARCHAR: return l.getValueAs(String.class);
            case BINARY: case VARBINARY: return l.getValueAs(byte[].class);
            default: throw new io.weir.planner.ValidationException("not supported yet: VALUES of type " + t);
        }
    }
}
