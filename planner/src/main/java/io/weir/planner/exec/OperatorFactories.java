package io.weir.planner.exec;

import io.weir.checkpoint.config.Configuration;
import io.weir.codegen.CodeGenerator;
import io.weir.codegen.agg.AggsHandleCodeGenerator.WindowProperty;
import io.weir.planner.ValidationException;
import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.logical.WindowSpec;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SinkOperatorFactory;
import io.weir.runtime.connector.SourceOperatorFactory;
import io.weir.runtime.connector.SupportsProjectionPushDown;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.sql.CalcOperator;
import io.weir.runtime.operators.sql.GlobalGroupAggOperator;
import io.weir.runtime.operators.sql.GroupAggOperator;
import io.weir.runtime.operators.sql.LocalGroupAggOperator;
import io.weir.runtime.operators.sql.MiniBatch;
import io.weir.runtime.operators.sql.MiniBatchGroupAggOperator;
import io.weir.runtime.operators.sql.SessionWindowAggOperator;
import io.weir.runtime.operators.sql.SliceAssigner;
import io.weir.runtime.operators.sql.ValuesSource;
import io.weir.runtime.operators.sql.WatermarkAssignerOperator;
import io.weir.runtime.operators.sql.WindowAggOperator;
import io.weir.runtime.types.RowType;
import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.operators.sql.join.JoinInputSpec;
import io.weir.runtime.operators.sql.join.IntervalJoinOperator;
import io.weir.runtime.operators.sql.dedup.DeduplicateOperator;
import io.weir.runtime.operators.sql.rank.RankType;
import io.weir.runtime.operators.sql.rank.TopNOperator;
import io.weir.runtime.operators.sql.join.JoinType;
import io.weir.runtime.operators.sql.join.StreamingJoinOperator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Instantiates the runtime operators of {@link ExecNode}s: generates their code with codegen's
 * {@link CodeGenerator} and wraps them in {@link OperatorFactory}s (the SQL operators of
 * {@code io.weir.runtime.operators.sql} and the connector source/sink operators).
 */
final class OperatorFactories {
    private final CodeGenerator codegen;
    private final RexBuilder rexBuilder;
    private final Configuration conf;
    private final ZoneId zone;
    private final TableSink collectSink;

    OperatorFactories(RexBuilder rexBuilder, Configuration conf, ZoneId zone, TableSink collectSink) {
        this.codegen = new CodeGenerator(rexBuilder, conf);
        this.rexBuilder = rexBuilder;
        this.conf = conf;
        this.zone = zone;
        this.collectSink = collectSink;
    }

    /** The operators of one node, in chain order (a source without projection push-down gets a Calc). */
    List<OperatorFactory> create(ExecNode node) {
        String name = node.description();
        String uid = node.uid();
        OperatorSpec spec = node.spec();
        if (spec instanceof OperatorSpec.Source) {
            return source((OperatorSpec.Source) spec, name, uid);
        }
        if (spec instanceof OperatorSpec.WatermarkAssigner) {
            OperatorSpec.WatermarkAssigner w = (OperatorSpec.WatermarkAssigner) spec;
            return List.of(WatermarkAssignerOperator.factory(name, uid,
                codegen.watermark(w.calciteInputType(), w.watermarkExpr()), w.interval(), w.idleTimeout(), zone));
        }
        if (spec instanceof OperatorSpec.Calc) {
            OperatorSpec.Calc c = (OperatorSpec.Calc) spec;
            return List.of(CalcOperator.factory(name, uid,
                codegen.calc(c.calciteInputType(), c.projects(), c.condition(), false), false, zone));
        }
        if (spec instanceof OperatorSpec.LocalGroupAggregate) {
            OperatorSpec.LocalGroupAggregate l = (OperatorSpec.LocalGroupAggregate) spec;
            return List.of(LocalGroupAggOperator.factory(name, uid, codegen.keyProjection(l.keys()),
                codegen.aggsHandle(l.calciteInputType(), l.aggCalls(), l.needRetraction()),
                MiniBatch.of(l.miniBatchLatency(), l.miniBatchSize()), zone));
        }
        if (spec instanceof OperatorSpec.GlobalGroupAggregate) {
            OperatorSpec.GlobalGroupAggregate g = (OperatorSpec.GlobalGroupAggregate) spec;
            int[] keys = java.util.stream.IntStream.range(0, g.keyType().arity()).toArray();
            return List.of(GlobalGroupAggOperator.factory(name, uid, KeySelector.ofFields(keys), g.keyType(),
                codegen.aggsHandle(g.localCalciteInputType(), g.aggCalls(), g.needRetraction()),
                g.generateUpdateBefore(), g.stateTtl(), MiniBatch.of(g.miniBatchLatency(), g.miniBatchSize()), zone));
        }
        if (spec instanceof OperatorSpec.GroupAggregate) {
            return List.of(groupAggregate((OperatorSpec.GroupAggregate) spec, name, uid));
        }
        if (spec instanceof OperatorSpec.WindowAggregate) {
            return List.of(windowAggregate((OperatorSpec.WindowAggregate) spec, name, uid));
        }
        if (spec instanceof OperatorSpec.Join) {
            return List.of(join((OperatorSpec.Join) spec, name, uid));
        }
        if (spec instanceof OperatorSpec.IntervalJoin) {
            OperatorSpec.IntervalJoin j = (OperatorSpec.IntervalJoin) spec;
            var condition = j.condition() == null ? null
                : codegen.joinCondition(j.calciteLeftType(), j.calciteRightType(), j.condition());
            return List.of(IntervalJoinOperator.factory(name, uid, JoinType.valueOf(j.joinType()),
                KeySelector.ofFields(j.leftKeys()), KeySelector.ofFields(j.rightKeys()),
                j.leftType().project(j.leftKeys()), j.leftType(), j.rightType(), j.leftTimeIndex(), j.rightTimeIndex(),
                j.lowerBound(), j.upperBound(), j.rowtime(), condition, zone));
        }
        if (spec instanceof OperatorSpec.OverAggregate) {
            OperatorSpec.OverAggregate o = (OperatorSpec.OverAggregate) spec;
            return List.of(io.weir.runtime.operators.sql.over.OverAggregateOperator.factory(name, uid,
                KeySelector.ofFields(o.partitionKey()), o.inputType().project(o.partitionKey()), o.inputType(),
                codegen.aggsHandle(o.calciteInputType(), o.aggCalls(), o.preceding() >= 0), o.rowtime(), o.timeIndex(),
                o.rows(), o.preceding() < 0 ? io.weir.runtime.operators.sql.over.OverAggregateOperator.UNBOUNDED
                    : o.preceding(), ttl(o.stateTtl()), zone));
        }
        if (spec instanceof OperatorSpec.RetractOverAggregate) {
            OperatorSpec.RetractOverAggregate o = (OperatorSpec.RetractOverAggregate) spec;
            return List.of(io.weir.runtime.operators.sql.over.RetractOverAggregateOperator.factory(name, uid,
                KeySelector.ofFields(o.partitionKey()), o.inputType().project(o.partitionKey()), o.outputType(),
                o.inputType().arity(), codegen.aggsHandle(o.calciteInputType(), o.aggCalls(), false),
                codegen.comparator(o.calciteInputType(), o.orderKey()), o.rows(), o.preceding(), ttl(o.stateTtl()),
                zone));
        }
        if (spec instanceof OperatorSpec.Rank) {
            OperatorSpec.Rank r = (OperatorSpec.Rank) spec;
            return List.of(TopNOperator.factory(name, uid, KeySelector.ofFields(r.partitionKey()),
                r.inputType().project(r.partitionKey()), r.inputType(),
                codegen.comparator(r.calciteInputType(), r.orderKey()), RankType.valueOf(r.rankType()), r.rankStart(),
                r.rankEnd(), r.outputRankNumber(), r.insertOnlyInput(), ttl(r.stateTtl()), zone));
        }
        if (spec instanceof OperatorSpec.Deduplicate) {
            OperatorSpec.Deduplicate d = (OperatorSpec.Deduplicate) spec;
            return List.of(DeduplicateOperator.factory(name, uid, KeySelector.ofFields(d.key()),
                d.inputType().project(d.key()), d.inputType(), d.rowtime(), d.timeIndex(), d.keepLast(),
                d.generateUpdateBefore(), ttl(d.stateTtl())));
        }
        if (spec instanceof OperatorSpec.TemporalJoin) {
            return List.of(TemporalJoinTranslation.factory((OperatorSpec.TemporalJoin) spec, codegen, name, uid, zone));
        }
        if (spec instanceof OperatorSpec.LookupJoin) {
            OperatorSpec.LookupJoin j = (OperatorSpec.LookupJoin) spec;
            return List.of(LookupJoinTranslation.factory(j, discoverSource(LookupJoinTranslation.context(j, conf)),
                codegen, name, uid, zone));
        }
        List<OperatorFactory> unnestOrSetOp = UnnestAndSetOpTranslation.factories(spec, name, uid);
        if (unnestOrSetOp != null) {
            return unnestOrSetOp;
        }
        OperatorFactory window = WindowOperatorFactories.create(spec, name, uid, codegen, zone);
        if (window != null) {
            return List.of(window);
        }
        if (spec instanceof OperatorSpec.Values) {
            List<Row> rows = new ArrayList<>();
            for (List<Object> r : ((OperatorSpec.Values) spec).rows()) {
                rows.add(Row.of(r.toArray()));
            }
            return List.of(ValuesSource.factory(name, uid, rows));
        }
        return List.of(sink((OperatorSpec.Sink) spec, name, uid));
    }

    private List<OperatorFactory> source(OperatorSpec.Source s, String name, String uid) {
        int physical = s.physicalType().arity();
        for (int p : s.projection()) {
            if (p >= physical) {
                throw new ValidationException("not supported yet: metadata column '" + s.metadataKeys().get(p - physical)
                    + "' of table " + s.tableName() + " (the connector SPI has no metadata yet)");
            }
        }
        TableContext ctx = new TableContext(s.tableName(), s.physicalType(), s.options(), s.primaryKey(), s.partitionKeys(), conf);
        ScanSource<?> source = discoverSource(ctx);
        boolean identity = s.projection().length == physical && isIdentity(s.projection());
        if (identity) {
            return List.of(SourceOperatorFactory.create(name, uid, source, null));
        }
        if (source instanceof SupportsProjectionPushDown) {
            return List.of(SourceOperatorFactory.create(name, uid,
                ((SupportsProjectionPushDown<?>) source).applyProjection(s.projection()), null));
        }
        RelDataType full = io.weir.planner.calcite.RelTypes.toRelRowType(rexBuilder.getTypeFactory(), s.physicalType());
        List<RexNode> refs = new ArrayList<>();
        for (int p : s.projection()) {
            refs.add(rexBuilder.makeInputRef(full.getFieldList().get(p).getType(), p));
        }
        return List.of(SourceOperatorFactory.create(name, uid, source, null),
            CalcOperator.factory(name + " projection", uid + "_projection", codegen.calc(full, refs, null, false), false, zone));
    }

    private static ScanSource<?> discoverSource(TableContext ctx) {
        try {
            return FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
        } catch (io.weir.runtime.connector.ValidationException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }

    private static boolean isIdentity(int[] projection) {
        for (int i = 0; i < projection.length; i++) {
            if (projection[i] != i) {
                return false;
            }
        }
        return true;
    }

    private OperatorFactory groupAggregate(OperatorSpec.GroupAggregate g, String name, String uid) {
        KeySelector key = KeySelector.ofFields(g.keys());
        RowType keyType = g.inputType().project(g.keys());
        var aggs = codegen.aggsHandle(g.calciteInputType(), g.aggCalls(), g.needRetraction());
        if (g.miniBatchSize() > 0) {
            return MiniBatchGroupAggOperator.factory(name, uid, key, keyType, aggs, g.generateUpdateBefore(), g.stateTtl(),
                MiniBatch.of(g.miniBatchLatency(), g.miniBatchSize()), zone);
        }
        return GroupAggOperator.factory(name, uid, key, keyType, aggs, g.generateUpdateBefore(), g.stateTtl(), zone);
    }

    private OperatorFactory windowAggregate(OperatorSpec.WindowAggregate w, String name, String uid) {
        KeySelector key = KeySelector.ofFields(w.keys());
        RowType keyType = w.inputType().project(w.keys());
        WindowSpec win = w.window();
        List<WindowProperty> props = List.of(WindowProperty.WINDOW_START, WindowProperty.WINDOW_END,
            w.rowtime() ? WindowProperty.WINDOW_TIME : WindowProperty.PROCTIME);
        var aggs = io.weir.codegen.agg.AggsHandleCodeGenerator.generateForWindow(w.calciteInputType(), w.aggCalls(),
            false, props);
        if (win.kind() == WindowTableFunction.Kind.SESSION) {
            return SessionWindowAggOperator.factory(name, uid, key, keyType, aggs, win.sizeMillis(), win.timeIndex(),
                w.rowtime(), zone);
        }
        SliceAssigner assigner;
        switch (win.kind()) {
            case TUMBLE: assigner = SliceAssigner.tumble(win.sizeMillis(), win.offsetMillis()); break;
            case HOP: assigner = SliceAssigner.hop(win.sizeMillis(), win.slideMillis(), win.offsetMillis()); break;
            default: assigner = SliceAssigner.cumulate(win.sizeMillis(), win.slideMillis(), win.offsetMillis()); break;
        }
        boolean ltz = w.calciteInputType().getFieldList().get(win.timeIndex()).getType().getSqlTypeName()
            == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
        if (ltz) {
            assigner = assigner.withShiftTimeZone(zone);
        }
        if (win.attached()) {
            assigner = SliceAssigner.windowed(assigner);
        }
        return WindowAggOperator.factory(name, uid, key, keyType, aggs, assigner, win.timeIndex(), w.rowtime(), zone);
    }

    private OperatorFactory join(OperatorSpec.Join j, String name, String uid) {
        var condition = j.condition() == null ? null
            : codegen.joinCondition(j.calciteLeftType(), j.calciteRightType(), j.condition());
        return StreamingJoinOperator.factory(name, uid, JoinType.valueOf(j.joinType()),
            KeySelector.ofFields(j.leftKeys()), KeySelector.ofFields(j.rightKeys()), j.leftType().project(j.leftKeys()),
            j.leftType(), j.rightType(), inputSpec(j.leftInput(), j.leftType()), inputSpec(j.rightInput(), j.rightType()),
            condition, j.filterNullKeys(), ttl(j.stateTtl()), zone);
    }

    private static JoinInputSpec inputSpec(OperatorSpec.JoinSide side, RowType type) {
        if (side.joinKeyContainsUniqueKey()) {
            return JoinInputSpec.joinKeyContainsUniqueKey();
        }
        if (side.uniqueKey() != null) {
            return JoinInputSpec.withUniqueKey(KeySelector.ofFields(side.uniqueKey()), type.project(side.uniqueKey()));
        }
        return side.appendOnly() ? JoinInputSpec.appendOnly() : JoinInputSpec.noUniqueKey();
    }

    static StateTtlConfig ttl(java.time.Duration ttl) {
        return ttl.isZero() || ttl.isNegative() ? StateTtlConfig.DISABLED : StateTtlConfig.of(ttl);
    }

    private OperatorFactory sink(OperatorSpec.Sink s, String name, String uid) {
        if (s.tableName() == null) {
            if (collectSink == null) {
                throw new IllegalStateException("a SELECT needs the client's collect sink to run");
            }
            return SinkOperatorFactory.create(name, uid, collectSink);
        }
        TableContext ctx = new TableContext(s.tableName(), s.physicalType(), s.options(), s.primaryKeyNames(), s.partitionKeys(), conf);
        TableSink sink;
        try {
            sink = FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
        } catch (io.weir.runtime.connector.ValidationException e) {
            throw new ValidationException(e.getMessage(), e);
        }
        return SinkOperatorFactory.create(name, uid, sink);
    }

}
