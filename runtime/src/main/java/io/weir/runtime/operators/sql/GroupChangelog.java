package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.operators.Output;

/**
 * The changelog of one group's result around one update of its accumulators, shared by the group
 * aggregation operators: {@link #begin} with the accumulators from state (null for a new group),
 * (or {@link #resume} when the handle still holds the group's accumulators), then the caller
 * accumulates/retracts/merges into the {@link AggsHandle}, then {@link #end} emits {@code +I} for a
 * new group, {@code -U}/{@code +U} for a changed result ({@code +U} only in upsert mode), nothing for
 * an unchanged one, {@code -D} when the group's record count drops to zero, and tells whether the
 * group still exists (store {@link AggsHandle#getAccumulators()}) or not (clear its state). Output
 * rows are {@code key ++ aggregate values}. Task thread only.
 */
final class GroupChangelog {
    private final AggsHandle handle;
    private final boolean generateUpdateBefore;
    private final boolean emitUnchanged;
    private final Output output;
    private Row previous;
    private boolean newGroup;
    private Row result;

    /**
     * @param generateUpdateBefore emit {@code -U} before {@code +U} (retract mode), else only {@code +U} (upsert mode)
     * @param emitUnchanged emit {@code -U}/{@code +U} even when the result did not change (with state TTL, so that
     *     downstream state keyed by this result is refreshed as in Flink)
     */
    GroupChangelog(AggsHandle handle, boolean generateUpdateBefore, boolean emitUnchanged, Output output) {
        this.handle = handle;
        this.generateUpdateBefore = generateUpdateBefore;
        this.emitUnchanged = emitUnchanged;
        this.output = output;
    }

    /** Loads the group's accumulators ({@code null}: a new group) into the handle. */
    void begin(Row accumulators) {
        newGroup = accumulators == null;
        if (newGroup) {
            handle.resetAccumulators();
            previous = null;
        } else {
            handle.setAccumulators(accumulators);
            previous = handle.getValue();
        }
    }

    /** Continues with the accumulators the handle still holds, whose result was {@code previousResult}. */
    void resume(Row previousResult) {
        newGroup = false;
        previous = previousResult;
    }

    /** The group's result after the last {@link #end} (null if the group was deleted). */
    Row result() {
        return result;
    }

    /**
     * Emits the change of the group's result; returns false when the group is empty (record count at
     * or below zero) and its state must be cleared, true when its accumulators must be kept.
     */
    boolean end(Row key) {
        if (handle.recordCount() <= 0) {
            if (!newGroup) {
                output.collect(join(RowKind.DELETE, key, previous));
            }
            previous = null;
            result = null;
            return false;
        }
        Row current = handle.getValue();
        if (newGroup) {
            output.collect(join(RowKind.INSERT, key, current));
        } else if (emitUnchanged || !previous.fieldsEqual(current)) {
            if (generateUpdateBefore) {
                output.collect(join(RowKind.UPDATE_BEFORE, key, previous));
            }
            output.collect(join(RowKind.UPDATE_AFTER, key, current));
        }
        previous = null;
        result = current;
        return true;
    }

    /** {@code key ++ values} as a new row of {@code kind}. */
    static Row join(RowKind kind, Row key, Row values) {
        int k = key.arity();
        Object[] fields = new Object[k + values.arity()];
        System.arraycopy(key.fields(), 0, fields, 0, k);
        System.arraycopy(values.fields(), 0, fields, k, values.arity());
        return new Row(kind, fields);
    }

    static boolean isAccumulate(Row row) {
        RowKind kind = row.getKind();
        return kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
    }
}
