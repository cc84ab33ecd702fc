package io.weir.planner.exec;

import io.weir.planner.logical.WindowSpec;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.types.RowType;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one SQL operator needs to run: the contract between the planner and the SQL operators
 * ({@code io.weir.runtime.operators.sql}). Row types are the runtime's; expressions and aggregate
 * calls stay Calcite objects until translation generates their code with {@code codegen}.
 * Every row an operator receives has {@code inputType}; every row it emits has {@code outputType}.
 */
public sealed interface OperatorSpec {

    /** The type of the rows the operator emits. */
    RowType outputType();

    /**
     * Reads a table: create the {@code ScanSource} through the connector factory with the table's
     * context, apply {@code projection} (positions among physical columns, then metadata columns)
     * with {@code SupportsProjectionPushDown}, emit inserts.
     */
    record Source(String tableName, Map<String, String> options, RowType physicalType, List<String> primaryKey,
                  List<String> metadataKeys, int[] projection, RowType outputType, List<String> partitionKeys)
        implements OperatorSpec {
    }

    /**
     * Emits watermarks: {@code watermarkExpr} over the input row (a {@code WatermarkExpression}),
     * the row's event time in field {@code rowtimeIndex}; periodic every {@code interval}, idle
     * after {@code idleTimeout} (zero: never).
     */
    record WatermarkAssigner(RowType inputType, RelDataType calciteInputType, int rowtimeIndex, RexNode watermarkExpr,
                             Duration interval, Duration idleTimeout, RowType outputType) implements OperatorSpec {
    }

    /** Projects and filters each row ({@code condition} may be null); keeps the row kind. */
    record Calc(RowType inputType, RelDataType calciteInputType, List<RexNode> projects, RexNode condition,
                RowType outputType) implements OperatorSpec {
    }

    /**
     * Unbounded group aggregation keyed by {@code keys} (input positions; output starts with them).
     * {@code needRetraction}: the input has -U/-D rows to retract. {@code generateUpdateBefore}:
     * emit -U before +U. {@code stateTtl} zero = forever. {@code miniBatchSize} &gt; 0 enables
     * mini-batch buffering (up to that many rows or {@code miniBatchLatency}).
     */
    record GroupAggregate(RowType inputType, RelDataType calciteInputType, int[] keys, List<AggregateCall> aggCalls,
                          boolean needRetraction, boolean generateUpdateBefore, Duration stateTtl,
                          long miniBatchSize, Duration miniBatchLatency, RowType outputType) implements OperatorSpec {
    }

    /**
     * The local phase of two-phase aggregation: per mini-batch and key ({@code keys}, input
     * positions), emits {@code key ++ accumulators} as +I rows.
     */
    record LocalGroupAggregate(RowType inputType, RelDataType calciteInputType, int[] keys, List<AggregateCall> aggCalls,
                               boolean needRetraction, long miniBatchSize, Duration miniBatchLatency,
                               RowType outputType) implements OperatorSpec {
    }

    /**
     * The global phase: keyed by fields {@code 0..keyType.arity()-1} of the local rows, merges
     * accumulators of {@code aggCalls} (over {@code localCalciteInputType}) and emits like
     * {@link GroupAggregate}.
     */
    record GlobalGroupAggregate(RelDataType localCalciteInputType, RowType keyType, List<AggregateCall> aggCalls,
                                boolean needRetraction, boolean generateUpdateBefore, Duration stateTtl,
                                long miniBatchSize, Duration miniBatchLatency, RowType outputType) implements OperatorSpec {
    }

    /**
     * Window aggregation keyed by {@code keys}; {@code window} holds the kind, sizes (ms) and the
     * input position of the time field; {@code rowtime} tells event time from processing time.
     * Output: keys, aggregates, window_start, window_end, window_time. Insert-only.
     */
    record WindowAggregate(RowType inputType, RelDataType calciteInputType, int[] keys, List<AggregateCall> aggCalls,
                           WindowSpec window, boolean rowtime, RowType outputType) implements OperatorSpec {
    }

    /**
     * The regular streaming join, keyed by {@code leftKeys} / {@code rightKeys} (input positions,
     * pairwise); {@code condition} the residual over {@code left ++ right} (null for none);
     * {@code leftInput}/{@code rightInput} the uniqueness of each side (its state layout);
     * {@code stateTtl} zero = forever. Output: left fields then right fields, +I and -D rows.
     */
    record Join(String joinType, RowType leftType, RowType rightType, RelDataType calciteLeftType,
                RelDataType calciteRightType, int[] leftKeys, int[] rightKeys, RexNode condition,
                boolean filterNullKeys, JoinSide leftInput, JoinSide rightInput, Duration stateTtl,
                RowType outputType) implements OperatorSpec {
    }

    /**
     * The interval join: like {@link Join} (no state layout, no TTL) plus the time fields
     * {@code leftTimeIndex}/{@code rightTimeIndex} and {@code lowerBound <= l.time - r.time <= upperBound}
     * (ms), on rowtime or proctime. Insert-only in and out.
     */
    record IntervalJoin(String joinType, RowType leftType, RowType rightType, RelDataType calciteLeftType,
                        RelDataType calciteRightType, int[] leftKeys, int[] rightKeys, RexNode condition,
                        int leftTimeIndex, int rightTimeIndex, long lowerBound, long upperBound, boolean rowtime,
                        RowType outputType) implements OperatorSpec {
    }

    /**
     * The uniqueness of one join input: its join key contains a unique key, or {@code uniqueKey}
     * (input positions) is a unique key, or (both false/null) rows may repeat; then
     * {@code appendOnly} when the input is insert-only and needs no association counts.
     */
    record JoinSide(boolean joinKeyContainsUniqueKey, int[] uniqueKey, boolean appendOnly) {
    }

    /**
     * Top-N keyed by {@code partitionKey}: {@code rankType} (ROW_NUMBER, RANK, DENSE_RANK) ranks
     * {@code rankStart..rankEnd} by {@code orderKey} over {@code calciteInputType}; the rank
     * (BIGINT) is appended when {@code outputRankNumber}. Emits +I/-U/+U/-D.
     */
    record Rank(RowType inputType, RelDataType calciteInputType, int[] partitionKey,
                org.apache.calcite.rel.RelCollation orderKey, String rankType, long rankStart, long rankEnd,
                boolean outputRankNumber, boolean insertOnlyInput, Duration stateTtl, RowType outputType)
        implements OperatorSpec {
    }

    /**
     * OVER aggregation keyed by {@code partitionKey}: {@code aggCalls} over {@code calciteInputType}
     * (retracting for a bounded frame), ordered by field {@code timeIndex} (rowtime or proctime),
     * ROWS or RANGE, {@code preceding} -1 for UNBOUNDED else rows / ms. Insert-only; output = input ++ aggregates.
     */
    record OverAggregate(RowType inputType, RelDataType calciteInputType, int[] partitionKey,
                         List<AggregateCall> aggCalls, boolean rowtime, int timeIndex, boolean rows, long preceding,
                         Duration stateTtl, RowType outputType) implements OperatorSpec {
    }

    /**
     * OVER aggregation over an updating input or a non-time order, keyed by {@code partitionKey}:
     * {@code aggCalls} over {@code calciteInputType} (no retraction), rows sorted by {@code orderKey},
     * ROWS or RANGE, {@code preceding} -1 for UNBOUNDED else rows. Emits +I/-U/+U/-D; output = input ++ aggregates.
     */
    record RetractOverAggregate(RowType inputType, RelDataType calciteInputType, int[] partitionKey,
                                org.apache.calcite.rel.RelCollation orderKey, List<AggregateCall> aggCalls, boolean rows,
                                long preceding, Duration stateTtl, RowType outputType) implements OperatorSpec {
    }

    /**
     * Deduplication keyed by {@code key} of an insert-only input: keep the first or last row per key
     * by processing time or by the rowtime in field {@code timeIndex}.
     */
    record Deduplicate(RowType inputType, int[] key, boolean rowtime, int timeIndex, boolean keepLast,
                       boolean generateUpdateBefore, Duration stateTtl, RowType outputType) implements OperatorSpec {
    }

    /** Emits constant rows (internal values, in order) as inserts, then ends. */
    record Values(List<List<Object>> rows, RowType outputType) implements OperatorSpec {
    }

    /**
     * Writes into a table through its connector's sink ({@code tableName} null: the client's
     * collect sink). {@code inputMode} is what arrives; {@code primaryKey} the positions of the
     * key columns for upsert sinks.
     */
    record Sink(String tableName, Map<String, String> options, RowType physicalType, List<String> primaryKeyNames,
                int[] primaryKey, ChangelogMode inputMode, RowType outputType, List<String> partitionKeys)
        implements OperatorSpec {
    }

    /**
     * The temporal join: keyed by {@code leftKeys}/{@code rightKeys} (the right keys contain the
     * versioned table's primary key); {@code condition} the residual over {@code left ++ right} (null
     * for none). {@code rowtime}: event time, the left row's time in {@code leftTimeIndex} and the
     * version's in {@code rightTimeIndex}; else processing time (latest version, {@code stateTtl}).
     * Insert-only in (left) and out.
     */
    record TemporalJoin(String joinType, RowType leftType, RowType rightType, RelDataType calciteLeftType,
                        RelDataType calciteRightType, int[] leftKeys, int[] rightKeys, RexNode condition,
                        boolean rowtime, int leftTimeIndex, int rightTimeIndex, Duration stateTtl,
                        RowType outputType) implements OperatorSpec {
    }

    /**
     * UNNEST of the collection in input field {@code collectionIndex}: {@code elementKind} VALUE, ROW
     * or MAP_ENTRY ({@code UnnestOperator.ElementKind}) with {@code elementArity} output fields, then
     * the ordinality if {@code withOrdinality}; {@code outer} pads rows with no element. Keeps row kinds.
     */
    record Unnest(RowType inputType, int collectionIndex, String elementKind, int elementArity,
                  boolean withOrdinality, boolean outer, RowType outputType) implements OperatorSpec {
    }

    /**
     * INTERSECT ALL ({@code intersect}) or EXCEPT ALL keyed by all fields of {@code outputType}; the
     * input rows are those fields plus the side (INTEGER, 0 left, 1 right). Emits +I/-D.
     */
    record SetOpAll(boolean intersect, Duration stateTtl, RowType outputType) implements OperatorSpec {
    }

    /**
     * Window assignment of a windowing TVF: each row once per window of {@code window} containing it
     * ({@code rowtime}: by the time field, else by the clock), with window_start, window_end and
     * window_time appended. Insert-only. {@code ltz} (here and in the window specs below): the time
     * column is a {@code TIMESTAMP_LTZ}, so windows align to the session time zone and window_start /
     * window_end are local wall-clock times.
     */
    record WindowTableFunction(RowType inputType, WindowSpec window, boolean rowtime, boolean ltz, RowType outputType)
        implements OperatorSpec {
    }

    /**
     * Window Top-N keyed by {@code partitionKey} (without the window fields): per window (its end in
     * field {@code windowEndIndex}) ranks like {@link Rank} and emits the ranks in range as +I when the
     * window closes (watermark if {@code rowtime}, else clock).
     */
    record WindowRank(RowType inputType, RelDataType calciteInputType, int[] partitionKey,
                      org.apache.calcite.rel.RelCollation orderKey, String rankType, long rankStart, long rankEnd,
                      boolean outputRankNumber, int windowEndIndex, boolean rowtime, boolean ltz, RowType outputType)
        implements OperatorSpec {
    }

    /**
     * Window deduplication keyed by {@code key}: per window (end in field {@code windowEndIndex}) keeps
     * the first or last row by the rowtime in field {@code timeIndex}, emitted as +I when the watermark
     * passes the window end.
     */
    record WindowDeduplicate(RowType inputType, int[] key, int timeIndex, int windowEndIndex, boolean keepLast,
                             boolean ltz, RowType outputType) implements OperatorSpec {
    }

    /**
     * The window join: like {@link IntervalJoin} with the window-end fields of each side instead of
     * time bounds; {@code rowtime} fires windows on the watermark, else on the clock. Insert-only.
     */
    record WindowJoin(String joinType, RowType leftType, RowType rightType, RelDataType calciteLeftType,
                      RelDataType calciteRightType, int[] leftKeys, int[] rightKeys, RexNode condition,
                      int leftWindowEndIndex, int rightWindowEndIndex, boolean rowtime, boolean ltz,
                      RowType outputType)
        implements OperatorSpec {
    }

    /**
     * The lookup join: each input row's fields {@code inputKeys} are looked up in the table (created
     * like {@link Source}, projected to {@code projection}) on its fields {@code lookupKeys}
     * (positions in the projected row {@code lookupType}); {@code condition} (or null) over
     * {@code input ++ looked-up row}; INNER or LEFT; keeps the input's row kinds.
     */
    record LookupJoin(String joinType, Source table, RowType inputType, RowType lookupType,
                      RelDataType calciteInputType, RelDataType calciteLookupType, int[] inputKeys, int[] lookupKeys,
                      RexNode condition, RowType outputType) implements OperatorSpec {
    }
}
