package io.weir.runtime.operators.sql.join;

/** The kind of a join: which sides keep their unmatched rows, padded with NULLs on the other side. */
public enum JoinType {
    INNER(false, false),
    LEFT(true, false),
    RIGHT(false, true),
    FULL(true, true);

    private final boolean leftOuter;
    private final boolean rightOuter;

    JoinType(boolean leftOuter, boolean rightOuter) {
        this.leftOuter = leftOuter;
        this.rightOuter = rightOuter;
    }

    /** Unmatched left rows are emitted padded with NULLs. */
    public boolean isLeftOuter() {
        return leftOuter;
    }

    /** Unmatched right rows are emitted padded with NULLs. */
    public boolean isRightOuter() {
        return rightOuter;
    }
}
