package io.weir.parser;

import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;

/**
 * The dialect Weir unparses SQL in, so that the text parses back with {@link WeirSqlParser}:
 * identifiers quoted with backticks, case kept, and calls of functions known by an
 * identifier (user-defined, not yet resolved, Weir's own) written {@code PROCTIME()} rather than Calcite's {@code `PROCTIME`()}.
 */
public final class WeirSqlDialect extends SqlDialect {
    public static final WeirSqlDialect INSTANCE = new WeirSqlDialect();

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private WeirSqlDialect() {
        super(SqlDialect.EMPTY_CONTEXT
            .withIdentifierQuoteString("`")
            .withIdentifierEscapedQuoteString("``")
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(WeirSqlConformance.INSTANCE));
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        String name = plainFunctionName(call);
        if (name == null) {
            super.unparseCall(writer, call, leftPrec, rightPrec);
            return;
        }
        SqlWriter.Frame frame = writer.startFunCall(name);
        for (SqlNode operand : call.getOperandList()) {
            writer.sep(",");
            operand.unparse(writer, 0, 0);
        }
        writer.endFunCall(frame);
    }

    /** The name of a plain call {@code name(args)} of a function known by an identifier, else null. */
    private static String plainFunctionName(SqlCall call) {
        if (!(call.getOperator() instanceof SqlFunction) || call.getFunctionQuantifier() != null) {
            return null;
        }
        SqlFunction function = (SqlFunction) call.getOperator();
        SqlIdentifier id = function.getSqlIdentifier();
        if (function.getFunctionType().isSpecific() || id == null || !id.isSimple()
            || !PLAIN_NAME.matcher(id.getSimple()).matches()) {
            return null;
        }
        return id.getSimple();
    }
}
