package io.weir.runtime.generated;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.List;

/**
 * The aggregate functions of one aggregation (all calls of one {@code GROUP BY}), generated as a
 * single class that keeps the current group's accumulators in fields.
 *
 * <p>Call order per group, on the task thread: {@link #setAccumulators} (the row from state, or
 * {@link #createAccumulators()} for a new group), then any number of {@link #accumulate} /
 * {@link #retract} / {@link #merge}, then {@link #getAccumulators()} to store the state back and
 * {@link #getValue()} for the result. {@link #resetAccumulators()} is {@code setAccumulators(
 * createAccumulators())}.
 *
 * <p>Accumulators: a {@link Row} described by {@link #accumulatorType()}, so state backends can
 * serialize it. Retractable MIN/MAX and DISTINCT keep {@code MAP<value, BIGINT count>} fields. Such
 * map values are taken over by {@link #setAccumulators} and updated in place; a backend that
 * snapshots by reference must copy them (its serializer's copy). {@link #getAccumulators()} returns
 * a new row every call.
 *
 * <p>DISTINCT value counts: by default in the accumulator row (so {@link #merge} can combine them, as
 * windows and two-phase aggregation need). An unbounded {@code GROUP BY} instead hands the handle a
 * {@link DistinctStore} ({@link #setDistinctStore}, once, after {@code open}) that keeps them in keyed
 * map state, one entry per (group, distinct value): a row then costs one map read and write per
 * distinct argument list instead of rewriting every distinct map with the accumulators. In that mode
 * the accumulator row's distinct maps stay empty and {@link #merge} is not supported.
 *
 * <p>{@code FILTER (WHERE ...)} and {@code DISTINCT} are handled inside; errors in the aggregated
 * expressions throw {@link ExpressionException} with the input row.
 */
public interface AggsHandle extends GeneratedFunction {

    /** The type of {@link #getAccumulators()} rows. */
    RowType accumulatorType();

    /** Fresh accumulators of an empty group. */
    Row createAccumulators();

    /** Makes {@code accumulators} the current group's (see the class comment on ownership). */
    void setAccumulators(Row accumulators);

    /** The current accumulators, as a new row. */
    Row getAccumulators();

    /** Sets the current accumulators to those of an empty group. */
    void resetAccumulators();

    /** Adds one input row to the current group. */
    void accumulate(Row input);

    /**
     * Removes one input row from the current group (for {@code -U}/{@code -D} input).
     *
     * @throws UnsupportedOperationException when an aggregate cannot retract (see {@link #supportsRetract()})
     */
    void retract(Row input);

    /** Merges another group's accumulators (e.g. another slice of a window) into the current ones. */
    void merge(Row otherAccumulators);

    /** The aggregate results of the current group, as a new row, one field per aggregate call. */
    Row getValue();

    /**
     * Rows accumulated minus rows retracted in the current group, ignoring FILTER clauses. When it
     * drops to 0 the group is empty and an updating aggregation emits {@code -D}.
     */
    long recordCount();

    /** Whether {@link #retract} is implemented for every aggregate call. */
    boolean supportsRetract();

    /**
     * The key types of the handle's distinct groups: one entry per distinct argument list, in order of
     * first use by a DISTINCT call (a single argument's type, or a ROW of the arguments). Empty when
     * there is no DISTINCT call.
     */
    default List<DataType> distinctKeyTypes() {
        return List.of();
    }

    /** The number of DISTINCT calls of each distinct group: the length of its counts arrays. */
    default int[] distinctGroupSizes() {
        return new int[0];
    }

    /**
     * Keeps the DISTINCT value counts in {@code store} from now on (see the class comment). Called at
     * most once, after {@code open} and before the first {@code setAccumulators}/{@code resetAccumulators}.
     *
     * @throws UnsupportedOperationException if the handle has no DISTINCT call
     */
    default void setDistinctStore(DistinctStore store) {
        throw new UnsupportedOperationException("this aggregate handle has no DISTINCT calls");
    }
}
