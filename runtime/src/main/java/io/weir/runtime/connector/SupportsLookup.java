package io.weir.runtime.connector;

/**
 * A {@link ScanSource} that can also answer lookups by key: the right side of a lookup join
 * ({@code JOIN t FOR SYSTEM_TIME AS OF left.proctime ON left.x = t.k}), Flink's
 * {@code LookupTableSource}. The planner plans a processing-time temporal join against such a table
 * as a lookup join; a table whose source lacks this interface cannot be the right side of one.
 *
 * <p>The source (after any {@link SupportsProjectionPushDown#applyProjection projection}) is created
 * at planning time and shared by all subtasks, so it must stay immutable; each subtask of the lookup
 * join asks it for its own {@link LookupFunction}.
 */
public interface SupportsLookup {

    /**
     * A new lookup function, for one subtask, matching rows whose fields at {@code keyFields}
     * (positions in {@link ScanSource#producedType()}) equal the looked-up key. Called on the
     * subtask's task thread when the lookup join opens.
     */
    LookupFunction createLookupFunction(int[] keyFields);
}
