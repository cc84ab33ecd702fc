package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.TwoInputStreamOperator;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The processing-time temporal join ({@code FOR SYSTEM_TIME AS OF l.proctime}): each probe row (left,
 * insert-only) is joined at once with the latest version of the versioned table (right, an upsert or
 * changelog stream keyed by a primary key the join key contains). State: the latest right row per
 * join key ({@code ValueState}, with the given TTL); {@code -D} clears it ({@code -U} is ignored: its {@code +U} follows). {@code INNER} or
 * {@code LEFT}; output insert-only {@code left ++ right}. Later versions do not update earlier results.
 */
public final class ProcTimeTemporalJoinOperator implements TwoInputStreamOperator {
    static final String STATE_NAME = "temporal-latest";

    private final JoinType joinType;
    private final RowType leftType;
    private final RowType rightType;
    private final Supplier<JoinCondition> conditionFactory;
    private final StateTtlConfig ttl;
    private final ZoneId zone;
    private Output output;
    private JoinCondition condition;
    private ValueState<Row> latest;
    private JoinedRows joined;

    /** @param condition the residual condition over {@code left ++ right}, or null */
    public ProcTimeTemporalJoinOperator(JoinType joinType, RowType leftType, RowType rightType,
                                        GeneratedClass<JoinCondition> condition, StateTtlConfig ttl, ZoneId zone) {
        this(joinType, leftType, rightType, GeneratedInstances.supplier(condition), ttl, zone);
    }

    ProcTimeTemporalJoinOperator(JoinType joinType, RowType leftType, RowType rightType,
                                 Supplier<JoinCondition> condition, StateTtlConfig ttl, ZoneId zone) {
        this.joinType = TemporalJoinOperator.checkJoinType(joinType);
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.rightType = Objects.requireNonNull(rightType, "rightType");
        this.conditionFactory = Objects.requireNonNull(condition, "condition");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A keyed factory; the join key must contain the versioned table's primary key. */
    public static OperatorFactory factory(String name, String uid, JoinType joinType, KeySelector leftKey,
                                          KeySelector rightKey, RowType keyType, RowType leftType, RowType rightType,
                                          GeneratedClass<JoinCondition> condition, StateTtlConfig ttl, ZoneId zone) {
        TemporalJoinOperator.checkJoinType(joinType);
        return OperatorFactory.keyed(name, uid, () -> new ProcTimeTemporalJoinOperator(joinType, leftType, rightType,
            condition, ttl, zone), keyType, leftKey, rightKey);
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
        this.condition = conditionFactory.get();
        if (condition != null) {
            condition.open(new TaskFunctionContext(zone, context.processingTimeService()));
        }
        ValueStateDescriptor<Row> d = new ValueStateDescriptor<>(STATE_NAME, new RowSerializer(rightType));
        d.enableTimeToLive(ttl);
        this.latest = context.getState(d);
        this.joined = new JoinedRows(leftType.arity(), rightType.arity());
    }

    @Override
    public void processElement1(Row row) throws Exception {
        Row version = latest.value();
        if (version != null && (condition == null || condition.test(row, version))) {
            output.collect(joined.join(RowKind.INSERT, row, version));
        } else if (joinType == JoinType.LEFT) {
            output.collect(joined.join(RowKind.INSERT, row, null));
        }
    }

    @Override
    public void processElement2(Row row) throws Exception {
        if (row.getKind().isAccumulate()) {
            latest.update(row.withKind(RowKind.INSERT));
        } else if (row.getKind() == RowKind.DELETE) {
            latest.clear();
        }
    }

    @Override
    public void close() {
        if (condition != null) {
            condition.close();
        }
    }
}
