package io.weir.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * The SQL conformance of Weir: Calcite's default, loosened where Flink SQL is (percent remainder,
 * {@code !=}, {@code MINUS}, ordering by select aliases, inserting into a subset of columns).
 * The parser and the validator must use the same instance, {@link #INSTANCE}.
 */
public final class WeirSqlConformance extends SqlDelegatingConformance {
    public static final WeirSqlConformance INSTANCE = new WeirSqlConformance();

    private WeirSqlConformance() {
        super(SqlConformanceEnum.DEFAULT);
    }

    @Override
    public boolean isPercentRemainderAllowed() {
        return true;
    }

    @Override
    public boolean isBangEqualAllowed() {
        return true;
    }

    @Override
    public boolean isMinusAllowed() {
        return true;
    }

    @Override
    public boolean isSortByAlias() {
        return true;
    }

    @Override
    public boolean isInsertSubsetColumnsAllowed() {
        return true;
    }

    @Override
    public boolean isFromRequired() {
        return false;
    }

    @Override
    public boolean allowQualifyingCommonColumn() {
        return true;
    }
}
