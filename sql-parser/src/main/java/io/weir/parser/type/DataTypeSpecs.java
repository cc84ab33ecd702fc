package io.weir.parser.type;

import java.util.Objects;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.util.Litmus;

/** Helpers for data type specs whose nullability is part of the written type (Flink's nested NOT NULL). */
public final class DataTypeSpecs {
    private DataTypeSpecs() {
    }

    /** Writes the type and, when it is declared NOT NULL, {@code NOT NULL}. */
    public static void unparseWithNullability(SqlWriter writer, SqlDataTypeSpec spec) {
        spec.unparse(writer, 0, 0);
        if (Boolean.FALSE.equals(spec.getNullable())) {
            writer.keyword("NOT NULL");
        }
    }

    /** Writes {@code NAME<} with no space before the bracket. */
    static void openAngle(SqlWriter writer, String name) {
        writer.keyword(name);
        writer.setNeedWhitespace(false);
        writer.print("<");
        writer.setNeedWhitespace(false);
    }

    /** Writes {@code ", "} between the parts of a nested type. */
    static void comma(SqlWriter writer) {
        writer.setNeedWhitespace(false);
        writer.print(",");
        writer.setNeedWhitespace(true);
    }

    /** Writes {@code >} right after the last part. */
    static void closeAngle(SqlWriter writer) {
        writer.setNeedWhitespace(false);
        writer.print(">");
        writer.setNeedWhitespace(true);
    }

    /** Deep equality including the declared nullability, which {@link SqlDataTypeSpec#equalsDeep} ignores. */
    static boolean equalsWithNullability(SqlDataTypeSpec a, SqlDataTypeSpec b, Litmus litmus) {
        if (!Objects.equals(a.getNullable(), b.getNullable())) {
            return litmus.fail("{} != {}", a, b);
        }
        return a.equalsDeep(b, litmus);
    }
}
