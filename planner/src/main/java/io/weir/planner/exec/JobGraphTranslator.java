package io.weir.planner.exec;

import io.weir.checkpoint.config.Configuration;
import io.weir.planner.PlannerOptions;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import org.apache.calcite.rex.RexBuilder;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link ExecGraph} into the runtime's {@link JobGraph}: one vertex per chain (its
 * operators' factories in order, named after them, with the head's uid), one edge per input edge
 * of a chain head, with the partitioner of the edge (HASH by a key selector of the key fields,
 * SINGLE as GLOBAL). Max parallelism is {@code pipeline.max-parallelism}.
 *
 * <p>Runs on the planning thread; generated classes are not compiled here but when the tasks
 * instantiate them.
 */
public final class JobGraphTranslator {
    private final RexBuilder rexBuilder;
    private final Configuration conf;

    public JobGraphTranslator(RexBuilder rexBuilder, Configuration conf) {
        this.rexBuilder = rexBuilder;
        this.conf = conf.copy();
    }

    /**
     * The job graph of {@code graph}.
     *
     * @param collectSink where a {@code SELECT}'s rows go (the client's), or null for inserts only
     */
    public JobGraph translate(ExecGraph graph, String jobName, TableSink collectSink) {
        OperatorFactories factories = new OperatorFactories(rexBuilder, conf, zone(conf), collectSink);
        int maxParallelism = conf.get(PlannerOptions.MAX_PARALLELISM);
        JobGraph.Builder b = JobGraph.builder(jobName).configuration(conf);
        Map<ExecNode, Integer> vertexOf = new IdentityHashMap<>();
        List<List<ExecNode>> chains = graph.chains();
        for (List<ExecNode> chain : chains) {
            List<OperatorFactory> ops = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ExecNode n : chain) {
                ops.addAll(factories.create(n));
                names.add(n.kind());
            }
            ExecNode head = chain.get(0);
            int id = b.addVertex(String.join(" -> ", names), head.uid(), ops, head.parallelism(),
                Math.max(maxParallelism, head.parallelism()));
            chain.forEach(n -> vertexOf.put(n, id));
        }
        for (List<ExecNode> chain : chains) {
            ExecNode head = chain.get(0);
            for (ExecEdge e : head.inputs()) {
                b.connect(vertexOf.get(e.source()), vertexOf.get(head), e.input(), partitioner(e));
            }
        }
        return b.build();
    }

    private static Partitioner partitioner(ExecEdge e) {
        switch (e.partitioning()) {
            case HASH: return Partitioner.hash(KeySelector.ofFields(e.keys()));
            case SINGLE: return Partitioner.GLOBAL;
            case REBALANCE: return Partitioner.REBALANCE;
            default: return Partitioner.FORWARD;
        }
    }

    /** The session time zone: {@code table.local-time-zone}, 'default' = the JVM's. */
    public static ZoneId zone(Configuration conf) {
        String tz = conf.get(PlannerOptions.LOCAL_TIME_ZONE);
        try {
            return "default".equalsIgnoreCase(tz) ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw new io.weir.planner.ValidationException("Invalid value '" + tz + "' for option '"
                + PlannerOptions.LOCAL_TIME_ZONE.key() + "': not a time zone id such as 'UTC' or 'Europe/Berlin'", e);
        }
    }
}
