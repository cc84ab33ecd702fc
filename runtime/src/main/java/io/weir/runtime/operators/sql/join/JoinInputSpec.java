package io.weir.runtime.operators.sql.join;

import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.types.RowType;
import java.util.Objects;

/**
 * What the planner knows about the uniqueness of one join input; it decides the state layout of
 * that side in {@link StreamingJoinOperator}:
 * <ul>
 *   <li>{@link #joinKeyContainsUniqueKey()}: at most one row per join key, one {@code ValueState} row;</li>
 *   <li>{@link #withUniqueKey}: rows unique by a key, {@code MapState<uniqueKey, row>};</li>
 *   <li>{@link #noUniqueKey()}: duplicates possible, {@code MapState<row, count>};</li>
 *   <li>{@link #appendOnly()}: an insert-only input without a unique key on a side no outer join
 *       preserves: {@code ListState<row>}, appended without a read.</li>
 * </ul>
 */
public final class JoinInputSpec {
    enum Layout { JOIN_KEY_CONTAINS_UNIQUE_KEY, HAS_UNIQUE_KEY, NO_UNIQUE_KEY, APPEND_ONLY }

    private final Layout layout;
    private final KeySelector uniqueKey;
    private final RowType uniqueKeyType;

    private JoinInputSpec(Layout layout, KeySelector uniqueKey, RowType uniqueKeyType) {
        this.layout = layout;
        this.uniqueKey = uniqueKey;
        this.uniqueKeyType = uniqueKeyType;
    }

    /** The join key contains a unique key of the input: one row per join key. */
    public static JoinInputSpec joinKeyContainsUniqueKey() {
        return new JoinInputSpec(Layout.JOIN_KEY_CONTAINS_UNIQUE_KEY, null, null);
    }

    /** The input has a unique key (not contained in the join key), selected by {@code uniqueKey}. */
    public static JoinInputSpec withUniqueKey(KeySelector uniqueKey, RowType uniqueKeyType) {
        return new JoinInputSpec(Layout.HAS_UNIQUE_KEY, Objects.requireNonNull(uniqueKey, "uniqueKey"),
            Objects.requireNonNull(uniqueKeyType, "uniqueKeyType"));
    }

    /** No known unique key: equal rows are counted. */
    public static JoinInputSpec noUniqueKey() {
        return new JoinInputSpec(Layout.NO_UNIQUE_KEY, null, null);
    }

    /**
     * The input is insert-only and its rows need no association counts (the side is not the
     * preserved side of an outer join): rows are appended to a list per join key. The operator
     * fails on a retraction into such a side.
     */
    public static JoinInputSpec appendOnly() {
        return new JoinInputSpec(Layout.APPEND_ONLY, null, null);
    }

    /** True for {@link #appendOnly()}. */
    public boolean isAppendOnly() {
        return layout == Layout.APPEND_ONLY;
    }

    Layout layout() {
        return layout;
    }

    KeySelector uniqueKey() {
        return uniqueKey;
    }

    RowType uniqueKeyType() {
        return uniqueKeyType;
    }

    @Override
    public String toString() {
        return layout + (uniqueKeyType == null ? "" : "(" + uniqueKeyType + ")");
    }
}
