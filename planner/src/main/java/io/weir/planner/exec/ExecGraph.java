package io.weir.planner.exec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A planned job: operators in topological order (producers first), the sinks, and the chains in
 * which they run. A chain is a run of nodes each fed by exactly one FORWARD edge from the one
 * before, which feeds nothing else, at equal parallelism; each chain becomes one runtime
 * {@code JobVertex}, each edge between chains a {@code JobEdge}.
 */
public final class ExecGraph {
    private final List<ExecNode> nodes;
    private final List<ExecNode> sinks;

    ExecGraph(List<ExecNode> nodes, List<ExecNode> sinks) {
        this.nodes = List.copyOf(nodes);
        this.sinks = List.copyOf(sinks);
    }

    public List<ExecNode> nodes() { return nodes; }

    public List<ExecNode> sinks() { return sinks; }

    /** The nodes that read {@code node}'s output. */
    public List<ExecNode> consumers(ExecNode node) {
        List<ExecNode> out = new ArrayList<>();
        for (ExecNode n : nodes) {
            for (ExecEdge e : n.inputs()) {
                if (e.source() == node) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** The chains, in topological order of their heads; nodes within a chain in order. */
    public List<List<ExecNode>> chains() {
        Map<ExecNode, List<ExecNode>> chainOf = new IdentityHashMap<>();
        List<List<ExecNode>> chains = new ArrayList<>();
        for (ExecNode n : nodes) {
            if (n.inputs().size() == 1 && chainable(n.inputs().get(0), n)) {
                List<ExecNode> chain = chainOf.get(n.inputs().get(0).source());
                chain.add(n);
                chainOf.put(n, chain);
            } else {
                List<ExecNode> chain = new ArrayList<>();
                chain.add(n);
                chains.add(chain);
                chainOf.put(n, chain);
            }
        }
        return chains;
    }

    private boolean chainable(ExecEdge edge, ExecNode target) {
        return edge.partitioning() == ExecEdge.Partitioning.FORWARD
            && edge.source().parallelism() == target.parallelism()
            && consumers(edge.source()).size() == 1;
    }

    /** A stable textual form: one line per chain with its operators, parallelism and input edges. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        List<List<ExecNode>> chains = chains();
        for (int i = 0; i < chains.size(); i++) {
            List<ExecNode> chain = chains.get(i);
            List<String> ops = new ArrayList<>();
            chain.forEach(n -> ops.add(n.kind() + "[" + n.uid() + "]"));
            sb.append("vertex ").append(i).append(" (p=").append(chain.get(0).parallelism()).append("): ")
                .append(String.join(" -> ", ops));
            List<String> ins = new ArrayList<>();
            for (ExecEdge e : chain.get(0).inputs()) {
                ins.add(e + " from vertex " + indexOf(chains, e.source()));
            }
            if (!ins.isEmpty()) {
                sb.append(" <- ").append(String.join(", ", ins));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int indexOf(List<List<ExecNode>> chains, ExecNode n) {
        for (int i = 0; i < chains.size(); i++) {
            if (chains.get(i).contains(n)) {
                return i;
            }
        }
        return -1;
    }
}
