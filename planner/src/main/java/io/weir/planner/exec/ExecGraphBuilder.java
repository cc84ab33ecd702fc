package io.weir.planner.exec;

import io.weir.checkpoint.config.Configuration;
import io.weir.planner.PlannerOptions;
import io.weir.planner.ValidationException;
import io.weir.planner.calcite.RelTypes;
import io.weir.planner.explain.PlanPrinter;
import io.weir.planner.physical.StreamPhysicalCalc;
import io.weir.planner.physical.StreamPhysicalExchange;
import io.weir.planner.physical.StreamPhysicalGlobalGroupAggregate;
import io.weir.planner.physical.StreamPhysicalGroupAggregate;
import io.weir.planner.physical.IntervalBounds;
import io.weir.planner.physical.StreamPhysicalJoin;
import io.weir.planner.physical.StreamPhysicalRank;
import io.weir.planner.physical.StreamPhysicalLocalGroupAggregate;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalSink;
import io.weir.planner.physical.StreamPhysicalTableSourceScan;
import io.weir.planner.physical.StreamPhysicalUnion;
import io.weir.planner.physical.StreamPhysicalValues;
import io.weir.planner.physical.StreamPhysicalWatermarkAssigner;
import io.weir.planner.physical.StreamPhysicalWindowAggregate;
import io.weir.planner.properties.PhysicalProperties;
import io.weir.planner.properties.TimeAttribute;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.schema.Connectors;
import io.weir.planner.schema.TableDescriptor;
import io.weir.runtime.types.RowType;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns streaming physical plans (one per sink) into an {@link ExecGraph}. Exchanges become the
 * partitioning of edges and unions several edges into one input. Uids hash a node's EXPLAIN line
 * with its inputs' uids, so they are stable across runs and identical subplans of a statement set
 * (e.g. a common source) become one shared node. Parallelism: VALUES and nodes behind a single
 * exchange run at 1, sources and nodes behind hash exchanges at the configured parallelism,
 * others as their input; a FORWARD edge between different parallelisms becomes REBALANCE.
 */
public final class ExecGraphBuilder {
    private final PhysicalProperties props;
    private final Configuration conf;
    private final int parallelism;
    private final Map<RelNode, List<ExecEdge>> translated = new IdentityHashMap<>();
    private final Map<String, ExecNode> byUid = new LinkedHashMap<>();

    public ExecGraphBuilder(PhysicalProperties props, Configuration conf) {
        this.props = props;
        this.conf = conf;
        int p = conf.get(PlannerOptions.RESOURCE_DEFAULT_PARALLELISM);
        this.parallelism = p > 0 ? p : conf.get(PlannerOptions.PARALLELISM_DEFAULT);
        if (parallelism < 1) {
            throw new ValidationException("Invalid value " + parallelism + " for option '"
                + PlannerOptions.PARALLELISM_DEFAULT.key() + "': must be at least 1");
        }
    }

    public ExecGraph build(List<StreamPhysicalSink> sinks) {
        List<ExecNode> sinkNodes = new ArrayList<>();
        for (StreamPhysicalSink sink : sinks) {
            sinkNodes.add(translate(sink).get(0).source());
        }
        return new ExecGraph(new ArrayList<>(byUid.values()), sinkNodes);
    }

    /** The edges through which {@code node}'s rows reach a consumer. */
    private List<ExecEdge> translate(RelNode node) {
        List<ExecEdge> known = translated.get(node);
        if (known != null) {
            return known;
        }
        List<ExecEdge> result;
        if (node instanceof StreamPhysicalExchange) {
            result = exchange((StreamPhysicalExchange) node);
        } else if (node instanceof StreamPhysicalUnion) {
            result = new ArrayList<>();
            for (RelNode in : node.getInputs()) {
                result.addAll(translate(in));
            }
        } else {
            result = List.of(new ExecEdge(operator(node), ExecEdge.Partitioning.FORWARD, new int[0]));
        }
        translated.put(node, result);
        return result;
    }

    private List<ExecEdge> exchange(StreamPhysicalExchange exchange) {
        RelDistribution d = exchange.getDistribution();
        ExecEdge.Partitioning p = d.getType() == RelDistribution.Type.SINGLETON ? ExecEdge.Partitioning.SINGLE
            : ExecEdge.Partitioning.HASH;
        int[] keys = d.getKeys().stream().mapToInt(Integer::intValue).toArray();
        List<ExecEdge> out = new ArrayList<>();
        for (ExecEdge e : translate(exchange.getInput())) {
            out.add(new ExecEdge(e.source(), p, keys));
        }
        return out;
    }

    private ExecNode operator(RelNode node) {
        List<ExecEdge> inputs = new ArrayList<>();
        boolean twoInputs = isTwoInput(node);
        for (int i = 0; i < node.getInputs().size(); i++) {
            for (ExecEdge e : translate(node.getInput(i))) {
                inputs.add(twoInputs ? e.toInput(i) : e);
            }
        }
        int p = parallelismOf(node, inputs);
        List<ExecEdge> edges = new ArrayList<>();
        StringBuilder identity = new StringBuilder(PlanPrinter.describe(node));
        for (ExecEdge e : inputs) {
            boolean rebalance = e.partitioning() == ExecEdge.Partitioning.FORWARD && e.source().parallelism() != p;
            ExecEdge edge = e;
            if (rebalance && e.source().outputMode().isInsertOnly()) {
                edge = new ExecEdge(e.source(), ExecEdge.Partitioning.REBALANCE, new int[0], e.input());
            } else if (rebalance) {
                edge = new ExecEdge(e.source(), ExecEdge.Partitioning.HASH, e.source().redistributionKey(), e.input());
            }
            edges.add(edge);
            identity.append('|').append(edge).append(':').append(e.source().uid());
        }
        String kind = ((StreamPhysicalRel) node).explainName();
        String uid = kind + "_" + hash(identity.toString());
        ExecNode existing = byUid.get(uid);
        if (existing != null) {
            return existing;
        }
        ExecNode n = new ExecNode(uid, kind, PlanPrinter.describe(node), spec(node), p, props.changelogMode(node), edges,
            redistributionKey(node));
        byUid.put(uid, n);
        return n;
    }

    /** Nodes whose inputs are separate inputs of a two-input operator (not a union into one). */
    private static boolean isTwoInput(RelNode node) {
        return node instanceof StreamPhysicalJoin
            || node instanceof io.weir.planner.physical.StreamPhysicalTemporalJoin
            || node instanceof io.weir.planner.physical.StreamPhysicalWindowJoin;
    }

    /** The smallest unique key of the node's output (ties: lowest fields first), else every field. */
    private int[] redistributionKey(RelNode node) {
        java.util.Set<org.apache.calcite.util.ImmutableBitSet> keys = props.uniqueKeys(node);
        org.apache.calcite.util.ImmutableBitSet best = null;
        for (org.apache.calcite.util.ImmutableBitSet k : keys == null ? java.util.Set.<org.apache.calcite.util.ImmutableBitSet>of() : keys) {
            if (best == null || k.cardinality() < best.cardinality()
                || (k.cardinality() == best.cardinality() && k.compareTo(best) < 0)) {
                best = k;
            }
        }
        if (best != null && !best.isEmpty()) {
            return best.toArray();
        }
        return java.util.stream.IntStream.range(0, node.getRowType().getFieldCount()).toArray();
    }

    private int parallelismOf(RelNode node, List<ExecEdge> inputs) {
        if (node instanceof StreamPhysicalValues) {
            return 1;
        }
        if (inputs.isEmpty()) {
            return parallelism;
        }
        boolean single = inputs.stream().anyMatch(e -> e.partitioning() == ExecEdge.Partitioning.SINGLE);
        if (single) {
            return 1;
        }
        boolean hash = inputs.stream().anyMatch(e -> e.partitioning() == ExecEdge.Partitioning.HASH);
        if (hash || inputs.size() > 1) {
            return inputs.size() > 1 && !hash ? maxParallelism(inputs) : parallelism;
        }
        return inputs.get(0).source().parallelism();
    }

    private static int maxParallelism(List<ExecEdge> inputs) {
        int max = 1;
        for (ExecEdge e : inputs) {
            max = Math.max(max, e.source().parallelism());
        }
        return max;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OperatorSpec spec(RelNode node) {
        RowType out = RelTypes.toRowType(node.getRowType());
        if (node instanceof StreamPhysicalTableSourceScan) {
            return source((StreamPhysicalTableSourceScan) node, out);
        }
        RelNode input = node.getInputs().isEmpty() ? null : node.getInput(0);
        if (node instanceof StreamPhysicalWatermarkAssigner) {
            StreamPhysicalWatermarkAssigner w = (StreamPhysicalWatermarkAssigner) node;
            return new OperatorSpec.WatermarkAssigner(RelTypes.toRowType(input.getRowType()), input.getRowType(),
                w.rowtimeIndex(), w.watermarkExpr(), conf.get(PlannerOptions.AUTO_WATERMARK_INTERVAL),
                conf.get(PlannerOptions.SOURCE_IDLE_TIMEOUT), out);
        }
        if (node instanceof StreamPhysicalCalc) {
            StreamPhysicalCalc c = (StreamPhysicalCalc) node;
            return new OperatorSpec.Calc(RelTypes.toRowType(input.getRowType()), input.getRowType(), c.projects(),
                c.condition(), out);
        }
        if (node instanceof StreamPhysicalGlobalGroupAggregate) {
            StreamPhysicalGlobalGroupAggregate g = (StreamPhysicalGlobalGroupAggregate) node;
            return new OperatorSpec.GlobalGroupAggregate(g.localInputType(),
                RelTypes.toRowType(g.localInputType()).project(g.grouping().toArray()), g.aggCalls(), g.inputRetracts(),
                props.updateBeforeRequired(g), conf.get(PlannerOptions.STATE_TTL), miniBatchSize(),
                conf.get(PlannerOptions.MINI_BATCH_ALLOW_LATENCY), out);
        }
        if (node instanceof StreamPhysicalLocalGroupAggregate) {
            StreamPhysicalLocalGroupAggregate l = (StreamPhysicalLocalGroupAggregate) node;
            return new OperatorSpec.LocalGroupAggregate(RelTypes.toRowType(input.getRowType()), input.getRowType(),
                l.grouping().toArray(), l.aggCalls(),
                StreamPhysicalGroupAggregate.needsRetraction(props.changelogMode(input)), miniBatchSize(),
                conf.get(PlannerOptions.MINI_BATCH_ALLOW_LATENCY), out);
        }
        if (node instanceof StreamPhysicalGroupAggregate) {
            return groupAggregate((StreamPhysicalGroupAggregate) node, input, out);
        }
        if (node instanceof StreamPhysicalWindowAggregate) {
            StreamPhysicalWindowAggregate w = (StreamPhysicalWindowAggregate) node;
            boolean rowtime = w.window().attached()
                || props.timeAttributes(input)[w.window().timeIndex()] == TimeAttribute.ROWTIME;
            return new OperatorSpec.WindowAggregate(RelTypes.toRowType(input.getRowType()), input.getRowType(),
                w.grouping().toArray(), w.aggCalls(), w.window(), rowtime, out);
        }
        if (node instanceof StreamPhysicalJoin) {
            return join((StreamPhysicalJoin) node, out);
        }
        if (node instanceof io.weir.planner.physical.StreamPhysicalOverAggregate) {
            var o = (io.weir.planner.physical.StreamPhysicalOverAggregate) node;
            return new OperatorSpec.OverAggregate(RelTypes.toRowType(input.getRowType()), input.getRowType(),
                o.partitionKey().toArray(), o.aggCalls(), o.rowtime(), o.timeIndex(), o.rows(), o.preceding(),
                conf.get(PlannerOptions.STATE_TTL), out);
        }
        if (node instanceof io.weir.planner.physical.StreamPhysicalRetractOverAggregate) {
            var o = (io.weir.planner.physical.StreamPhysicalRetractOverAggregate) node;
            return new OperatorSpec.RetractOverAggregate(RelTypes.toRowType(input.getRowType()), input.getRowType(),
                o.partitionKey().toArray(), o.orderKey(), o.aggCalls(), o.rows(), o.preceding(),
                conf.get(PlannerOptions.STATE_TTL), out);
        }
        if (node instanceof StreamPhysicalRank) {
            return rank((StreamPhysicalRank) node, input, out);
        }
        if (node instanceof io.weir.planner.physical.StreamPhysicalTemporalJoin) {
            return TemporalJoinTranslation.spec((io.weir.planner.physical.StreamPhysicalTemporalJoin) node, props, conf, out);
        }
        if (node instanceof io.weir.planner.physical.StreamPhysicalLookupJoin) {
            return LookupJoinTranslation.spec((io.weir.planner.physical.StreamPhysicalLookupJoin) node, conf, out);
        }
        if (node instanceof io.weir.planner.physical.StreamPhysicalUnnest) {
            return UnnestAndSetOpTranslation.unnest((io.weir.planner.physical.StreamPhysicalUnnest) node, out);
        }
        if (node instanceof io.weir.planner.physical.StreamPhysicalSetOpAll) {
            return UnnestAndSetOpTranslation.setOpAll((io.weir.planner.physical.StreamPhysicalSetOpAll) node, conf, out);
        }
        OperatorSpec window = WindowOperatorSpecs.spec(node, props, out);
        if (window != null) {
            return window;
        }
        if (node instanceof StreamPhysicalValues) {
            return new OperatorSpec.Values(Literals.rows((StreamPhysicalValues) node, out), out);
        }
        if (node instanceof StreamPhysicalSink) {
            return sink((StreamPhysicalSink) node, out);
        }
        throw new IllegalStateException("no operator for " + node);
    }

    private long miniBatchSize() {
        validateMiniBatch(conf);
        return conf.get(PlannerOptions.MINI_BATCH_SIZE);
    }

    /** Mini-batch needs a latency and a size above zero, as in Flink. */
    public static void validateMiniBatch(Configuration conf) {
        if (conf.get(PlannerOptions.MINI_BATCH_ENABLED) && (conf.get(PlannerOptions.MINI_BATCH_SIZE) <= 0
            || conf.get(PlannerOptions.MINI_BATCH_ALLOW_LATENCY).isZero()
            || conf.get(PlannerOptions.MINI_BATCH_ALLOW_LATENCY).isNegative())) {
            throw new ValidationException("'" + PlannerOptions.MINI_BATCH_ENABLED.key() + "' needs '"
                + PlannerOptions.MINI_BATCH_ALLOW_LATENCY.key() + "' > 0 and '" + PlannerOptions.MINI_BATCH_SIZE.key()
                + "' > 0");
        }
    }

    private OperatorSpec groupAggregate(StreamPhysicalGroupAggregate agg, RelNode input, RowType out) {
        boolean miniBatch = conf.get(PlannerOptions.MINI_BATCH_ENABLED);
        validateMiniBatch(conf);
        long size = conf.get(PlannerOptions.MINI_BATCH_SIZE);
        Duration latency = conf.get(PlannerOptions.MINI_BATCH_ALLOW_LATENCY);
        return new OperatorSpec.GroupAggregate(RelTypes.toRowType(input.getRowType()), input.getRowType(),
            agg.grouping().toArray(), agg.aggCalls(),
            StreamPhysicalGroupAggregate.needsRetraction(props.changelogMode(input)),
            props.updateBeforeRequired(agg), conf.get(PlannerOptions.STATE_TTL),
            miniBatch ? size : -1, miniBatch ? latency : Duration.ZERO, out);
    }

    private OperatorSpec join(StreamPhysicalJoin join, RowType out) {
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        IntervalBounds b = join.interval();
        if (b != null) {
            return new OperatorSpec.IntervalJoin(join.joinType().name(), RelTypes.toRowType(left.getRowType()),
                RelTypes.toRowType(right.getRowType()), left.getRowType(), right.getRowType(),
                toArray(join.leftKeys()), toArray(join.rightKeys()), join.condition(), b.leftTimeIndex(),
                b.rightTimeIndex(), b.lower(), b.upper(), b.rowtime(), out);
        }
        return new OperatorSpec.Join(join.joinType().name(), RelTypes.toRowType(left.getRowType()),
            RelTypes.toRowType(right.getRowType()), left.getRowType(), right.getRowType(),
            toArray(join.leftKeys()), toArray(join.rightKeys()), join.condition(), join.filterNullKeys(),
            joinSide(join, 0), joinSide(join, 1), conf.get(PlannerOptions.STATE_TTL), out);
    }

    /** The state layout of join input {@code input}, as {@link StreamPhysicalJoin#inputSpec} chooses it. */
    private OperatorSpec.JoinSide joinSide(StreamPhysicalJoin join, int input) {
        StreamPhysicalJoin.InputSpec spec = join.inputSpec(input, props);
        return new OperatorSpec.JoinSide(spec.name().equals(StreamPhysicalJoin.InputSpec.JOIN_KEY_CONTAINS_UNIQUE_KEY),
            spec.uniqueKey(), spec.name().equals(StreamPhysicalJoin.InputSpec.APPEND_ONLY));
    }

    private OperatorSpec rank(StreamPhysicalRank rank, RelNode input, RowType out) {
        RowType in = RelTypes.toRowType(input.getRowType());
        java.time.Duration ttl = conf.get(PlannerOptions.STATE_TTL);
        if (rank.isDeduplicate(props.changelogMode(input))) {
            return new OperatorSpec.Deduplicate(in, rank.partitionKey().toArray(),
                rank.dedupTime() == TimeAttribute.ROWTIME, rank.orderKey().getFieldCollations().get(0).getFieldIndex(),
                rank.keepLast(), props.updateBeforeRequired(rank), ttl, out);
        }
        return new OperatorSpec.Rank(in, input.getRowType(), rank.partitionKey().toArray(), rank.orderKey(),
            rank.kind().name(), rank.rankStart(), rank.rankEnd(), rank.outputRankNumber(),
            props.changelogMode(input).isInsertOnly(), ttl, out);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private OperatorSpec source(StreamPhysicalTableSourceScan scan, RowType out) {
        TableDescriptor t = scan.descriptor();
        List<String> metadataKeys = new ArrayList<>();
        for (ColumnDescriptor c : t.columns()) {
            if (c.kind() == ColumnDescriptor.Kind.METADATA) {
                metadataKeys.add(c.metadataKey());
            }
        }
        return new OperatorSpec.Source(t.qualifiedName(), t.options(),
            Connectors.tableContext(t, conf).physicalRowType(), t.primaryKey(), metadataKeys, scan.projection(), out,
            t.partitionKeys());
    }

    private OperatorSpec sink(StreamPhysicalSink sink, RowType out) {
        TableDescriptor t = sink.table();
        if (t == null) {
            return new OperatorSpec.Sink(null, Map.of(), out, List.of(), new int[0],
                props.changelogMode(sink.getInput()), out, List.of());
        }
        return new OperatorSpec.Sink(t.qualifiedName(), t.options(), Connectors.tableContext(t, conf).physicalRowType(),
            t.primaryKey(), sink.primaryKeyIndices().toArray(), props.changelogMode(sink.getInput()), out,
            t.partitionKeys());
    }

}
