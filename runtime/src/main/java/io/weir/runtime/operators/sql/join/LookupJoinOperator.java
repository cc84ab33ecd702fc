package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.connector.LookupFunction;
import io.weir.runtime.connector.SourceContext;
import io.weir.runtime.connector.SupportsLookup;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.generated.KeyProjection;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.OperatorMetrics;
import io.weir.runtime.operators.Output;
import io.weir.runtime.types.RowType;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The lookup join ({@code JOIN t FOR SYSTEM_TIME AS OF left.proctime ON ...} where {@code t}'s
 * connector {@link SupportsLookup supports lookups}): each input row's key (the generated
 * {@link KeyProjection}; the planner computed key expressions into fields beforehand) is looked up
 * in the table at once, and the row is joined with every looked-up row that passes the residual
 * {@link JoinCondition}; {@code LEFT} emits the row padded with NULLs when none does. A key with a
 * NULL field matches nothing. Output {@code input ++ looked-up row}, with the input row's kind
 * ({@code +I/+U/-U/-D} pass through, as in Flink), so updating inputs work.
 *
 * <p>Not keyed and without state: what the {@link LookupFunction} keeps is a cache, not checkpointed;
 * after a restore it loads again. Its lookups run on the task thread, synchronously.
 */
public final class LookupJoinOperator implements OneInputStreamOperator {
    private final JoinType joinType;
    private final RowType inputType;
    private final RowType lookupType;
    private final SupportsLookup table;
    private final int[] lookupKeys;
    private final Supplier<KeyProjection> keyFactory;
    private final Supplier<JoinCondition> conditionFactory;
    private final ZoneId zone;
    private Output output;
    private KeyProjection key;
    private JoinCondition condition;
    private LookupFunction lookup;
    private JoinedRows joined;

    /**
     * @param table the looked-up table's source (shared by subtasks; each opens its own lookup function)
     * @param lookupKeys the key fields of the looked-up rows, in the order of {@code key}'s fields
     * @param condition the residual condition over {@code input ++ looked-up row}, or null
     */
    public LookupJoinOperator(JoinType joinType, RowType inputType, RowType lookupType, SupportsLookup table,
                              int[] lookupKeys, GeneratedClass<KeyProjection> key,
                              GeneratedClass<JoinCondition> condition, ZoneId zone) {
        this(joinType, inputType, lookupType, table, lookupKeys, GeneratedInstances.supplier(key),
            GeneratedInstances.supplier(condition), zone);
    }

    LookupJoinOperator(JoinType joinType, RowType inputType, RowType lookupType, SupportsLookup table,
                       int[] lookupKeys, Supplier<KeyProjection> key, Supplier<JoinCondition> condition, ZoneId zone) {
        this.joinType = checkJoinType(joinType);
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.lookupType = Objects.requireNonNull(lookupType, "lookupType");
        this.table = Objects.requireNonNull(table, "table");
        this.lookupKeys = lookupKeys.clone();
        this.keyFactory = Objects.requireNonNull(key, "key");
        this.conditionFactory = Objects.requireNonNull(condition, "condition");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A non-keyed factory (the operator chains to its input, as in Flink). */
    public static OperatorFactory factory(String name, String uid, JoinType joinType, RowType inputType,
                                          RowType lookupType, SupportsLookup table, int[] lookupKeys,
                                          GeneratedClass<KeyProjection> key, GeneratedClass<JoinCondition> condition,
                                          ZoneId zone) {
        checkJoinType(joinType);
        return OperatorFactory.of(name, uid, () -> new LookupJoinOperator(joinType, inputType, lookupType, table,
            lookupKeys, key, condition, zone));
    }

    private static JoinType checkJoinType(JoinType type) {
        if (type != JoinType.INNER && type != JoinType.LEFT) {
            throw new IllegalArgumentException("lookup join: " + type + " join is not supported; a lookup join is"
                + " INNER or LEFT (the looked-up table on the right)");
        }
        return type;
    }

    @Override
    public void open(OperatorContext context) throws IOException {
        this.output = context.output();
        this.key = keyFactory.get();
        this.condition = conditionFactory.get();
        if (condition != null) {
            condition.open(new TaskFunctionContext(zone, context.processingTimeService()));
        }
        this.joined = new JoinedRows(inputType.arity(), lookupType.arity());
        this.lookup = table.createLookupFunction(lookupKeys);
        lookup.open(sourceContext(context));
    }

    private static SourceContext sourceContext(OperatorContext ctx) {
        OperatorMetrics.Counter skipped = ctx.metrics().counter("numRecordsSkipped");
        return new SourceContext() {
            @Override
            public int subtaskIndex() {
                return ctx.subtaskIndex();
            }

            @Override
            public int parallelism() {
                return ctx.parallelism();
            }

            @Override
            public Configuration configuration() {
                return ctx.configuration();
            }

            @Override
            public void incrementSkippedRecords() {
                skipped.inc();
            }
        };
    }

    @Override
    public void processElement(Row row) throws Exception {
        boolean matched = false;
        Row k = key.getKey(row);
        if (!hasNull(k)) {
            List<Row> rows = lookup.lookup(k);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (condition == null || condition.test(row, r)) {
                    output.collect(joined.join(row.getKind(), row, r));
                    matched = true;
                }
            }
        }
        if (!matched && joinType == JoinType.LEFT) {
            output.collect(joined.join(row.getKind(), row, null));
        }
    }

    private static boolean hasNull(Row key) {
        for (int i = 0; i < key.arity(); i++) {
            if (key.isNullAt(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        if (condition != null) {
            condition.close();
        }
        if (lookup != null) {
            lookup.close();
        }
    }
}
