package io.weir.parser;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlDialect;

/**
 * The dialect Weir unparses SQL in, so that the text parses back with {@link WeirSqlParser}:
 * identifiers quoted with backticks, case kept.
 */
public final class WeirSqlDialect extends SqlDialect {
    public static final WeirSqlDialect INSTANCE = new WeirSqlDialect();

    private WeirSqlDialect() {
        super(SqlDialect.EMPTY_CONTEXT
            .withIdentifierQuoteString("`")
            .withIdentifierEscapedQuoteString("``")
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(WeirSqlConformance.INSTANCE));
    }
}
