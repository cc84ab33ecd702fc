package io.weir.runtime.operators.sql.rank;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.RecordComparator;
import io.weir.runtime.operators.sql.join.TaskFunctionContext;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.sql.join.GeneratedInstances;
import io.weir.runtime.operators.sql.StateCache;
import io.weir.runtime.operators.sql.join.RowListSerializer;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Top-N: {@code ROW_NUMBER() | RANK() | DENSE_RANK() OVER (PARTITION BY p ORDER BY o) ... WHERE rank
 * BETWEEN start AND end} (so {@code rn <= N} is {@code [1, N]}), keyed by the partition key, over an
 * insert-only or updating input, with or without the rank column (appended as BIGINT).
 *
 * <p>State: the partition's rows in sort order ({@code ValueState<List<Row>>}, ties in arrival
 * order, with the TTL given). Over an insert-only input only rows ranked {@code <= end} are kept (a
 * row that falls out can never come back); over an updating input all rows are kept, since a
 * retraction can bring a lower row back into the range. Each change compares the ranked range
 * before and after it and emits the difference: with {@code ROW_NUMBER} and the rank column, per
 * rank position {@code -U old/+U new} (or {@code +I}/{@code -D} when the position fills or empties);
 * otherwise rows leaving the range as {@code -D} and rows entering it as {@code +I} (with the rank
 * column, a row whose rank changes leaves and enters). A retraction of a row that is not in state
 * (expired, or trimmed) is ignored.
 *
 * <p>On a backend that serializes state (RocksDB) and without TTL, the lists of up to
 * {@link #MAX_CACHED_PARTITIONS} recently used partitions are kept deserialized ({@link StateCache}),
 * written to state on eviction and before each checkpoint; the output is the same.
 *
 * <p>Maintenance notes: each element reads and writes the partition's list once, so the cost per
 * row grows with the kept rows: small for insert-only {@code rn <= N}, the partition size for an
 * updating input (Flink keeps a sorted map plus a cache for that case; a candidate improvement).
 */
public final class TopNOperator implements OneInputStreamOperator {
    static final String STATE_NAME = "topn-rows";
    /** Partitions whose rows the write-back cache keeps (bounds its memory). */
    static final int MAX_CACHED_PARTITIONS = 8_192;

    private final RowType inputType;
    private final Supplier<RecordComparator> comparatorFactory;
    private final Ranking ranking;
    private final boolean insertOnlyInput;
    private final StateTtlConfig ttl;
    private final ZoneId zone;
    private final List<Row> removed = new ArrayList<>();
    private final List<Row> added = new ArrayList<>();
    private final int maxCachedPartitions;
    private OperatorContext context;
    private Output output;
    private ValueState<List<Row>> state;
    private StateCache<List<Row>> cache;

    /**
     * @param comparator orders rows by the {@code ORDER BY} of the OVER clause
     * @param rankStart first rank emitted (1 for {@code rn <= N})
     * @param rankEnd last rank emitted
     * @param outputRankNumber append the rank (BIGINT) to output rows
     * @param insertOnlyInput the input never retracts (keeps only the top rows in state)
     */
    public TopNOperator(RowType inputType, GeneratedClass<RecordComparator> comparator, RankType rankType,
                        long rankStart, long rankEnd, boolean outputRankNumber, boolean insertOnlyInput,
                        StateTtlConfig ttl, ZoneId zone) {
        this(inputType, GeneratedInstances.supplier(Objects.requireNonNull(comparator, "comparator")), rankType,
            rankStart, rankEnd, outputRankNumber, insertOnlyInput, ttl, zone);
    }

    TopNOperator(RowType inputType, Supplier<RecordComparator> comparator, RankType rankType, long rankStart,
                 long rankEnd, boolean outputRankNumber, boolean insertOnlyInput, StateTtlConfig ttl, ZoneId zone) {
        this(inputType, comparator, rankType, rankStart, rankEnd, outputRankNumber, insertOnlyInput, ttl, zone,
            MAX_CACHED_PARTITIONS);
    }

    /** @param maxCachedPartitions the write-back cache's capacity; 0 disables it (a test hook) */
    TopNOperator(RowType inputType, Supplier<RecordComparator> comparator, RankType rankType, long rankStart,
                 long rankEnd, boolean outputRankNumber, boolean insertOnlyInput, StateTtlConfig ttl, ZoneId zone,
                 int maxCachedPartitions) {
        this.maxCachedPartitions = maxCachedPartitions;
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.comparatorFactory = Objects.requireNonNull(comparator, "comparator");
        this.ranking = new Ranking(Objects.requireNonNull(rankType, "rankType"), rankStart, rankEnd, outputRankNumber);
        this.insertOnlyInput = insertOnlyInput;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; {@code partitionKey} selects the {@code PARTITION BY} fields (of type {@code keyType}). */
    public static OperatorFactory factory(String name, String uid, KeySelector partitionKey, RowType keyType,
                                          RowType inputType, GeneratedClass<RecordComparator> comparator,
                                          RankType rankType, long rankStart, long rankEnd, boolean outputRankNumber,
                                          boolean insertOnlyInput, StateTtlConfig ttl, ZoneId zone) {
        new Ranking(rankType, rankStart, rankEnd, outputRankNumber); // validates the range at planning time
        return OperatorFactory.keyed(name, uid, () -> new TopNOperator(inputType, comparator, rankType, rankStart,
            rankEnd, outputRankNumber, insertOnlyInput, ttl, zone), keyType, partitionKey);
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.output = context.output();
        RecordComparator comparator = comparatorFactory.get();
        comparator.open(new TaskFunctionContext(zone, context.processingTimeService()));
        ranking.setComparator(comparator);
        ValueStateDescriptor<List<Row>> d = new ValueStateDescriptor<>(STATE_NAME,
            new RowListSerializer(new RowSerializer(inputType)));
        d.enableTimeToLive(ttl);
        this.state = context.getState(d);
        this.cache = StateCache.createIfUseful(context, state, d.getTtlConfig().isEnabled(), maxCachedPartitions);
    }

    @Override
    public void processElement(Row row) throws Exception {
        List<Row> stored = StateCache.read(cache, state, context.currentKey());
        if (insertOnlyInput && stored != null && ranking.cannotEnter(stored, row)) {
            return; // the hot path of an insert-only Top-N: no copy, no write
        }
        List<Row> rows = stored == null ? new ArrayList<>() : new ArrayList<>(stored);
        Row record = row.withKind(RowKind.INSERT);
        List<Row> before = new ArrayList<>(rows);
        if (row.getKind().isAccumulate()) {
            int pos = ranking.upperBound(rows, record);
            rows.add(pos, record);
            if (insertOnlyInput) {
                int keep = ranking.computeRanks(rows);
                if (pos >= keep) {
                    return; // the row does not make it into the top rows: nothing changes
                }
                rows.subList(keep, rows.size()).clear();
            }
        } else if (!removeEqual(rows, record)) {
            return;
        }
        emitChanges(before, rows);
        StateCache.write(cache, state, context.currentKey(), rows.isEmpty() ? null : rows);
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        StateCache.flush(cache);
    }

    private boolean removeEqual(List<Row> rows, Row record) {
        for (int i = ranking.lowerBound(rows, record); i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.fieldsEqual(record)) {
                rows.remove(i);
                return true;
            }
            if (ranking.comparator().compare(r, record) > 0) {
                return false;
            }
        }
        return false;
    }

    private void emitChanges(List<Row> before, List<Row> after) {
        if (ranking.isRowNumberWithRank()) {
            emitByPosition(before, after);
            return;
        }
        collectRanked(before, removed);
        collectRanked(after, added);
        for (int i = removed.size() - 1; i >= 0; i--) {
            Row r = removed.get(i);
            for (int j = 0; j < added.size(); j++) {
                if (added.get(j).fieldsEqual(r)) {
                    added.remove(j);
                    removed.remove(i);
                    break;
                }
            }
        }
        for (Row r : removed) {
            r.setKind(RowKind.DELETE);
            output.collect(r);
        }
        for (Row r : added) {
            output.collect(r);
        }
        removed.clear();
        added.clear();
    }

    /** The output rows ({@code +I}) of the rows of {@code sorted} whose rank is in range. */
    private void collectRanked(List<Row> sorted, List<Row> into) {
        int n = ranking.computeRanks(sorted);
        for (int i = 0; i < n; i++) {
            long rank = ranking.rank(i);
            if (ranking.inRange(rank)) {
                into.add(ranking.output(RowKind.INSERT, sorted.get(i), rank));
            }
        }
    }

    /** ROW_NUMBER with the rank column: compare rank positions. */
    private void emitByPosition(List<Row> before, List<Row> after) {
        for (long rank = 1; rank <= ranking.rankEnd(); rank++) {
            int i = (int) rank - 1;
            Row old = i < before.size() ? before.get(i) : null;
            Row now = i < after.size() ? after.get(i) : null;
            if ((old == null && now == null) || !ranking.inRange(rank)) {
                if (old == null && now == null) {
                    return;
                }
                continue;
            }
            if (old == null) {
                output.collect(ranking.output(RowKind.INSERT, now, rank));
            } else if (now == null) {
                output.collect(ranking.output(RowKind.DELETE, old, rank));
            } else if (old != now && !old.fieldsEqual(now)) {
                output.collect(ranking.output(RowKind.UPDATE_BEFORE, old, rank));
                output.collect(ranking.output(RowKind.UPDATE_AFTER, now, rank));
            }
        }
    }

    @Override
    public void close() {
        if (ranking.comparator() != null) {
            ranking.comparator().close();
        }
    }
}
