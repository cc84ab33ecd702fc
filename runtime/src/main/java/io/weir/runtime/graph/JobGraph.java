package io.weir.runtime.graph;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.operators.OperatorFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the planner hands the runtime: vertices (operator chains with a parallelism) and edges
 * (partitioners), plus the job's configuration. Immutable; validated on {@link Builder#build()}:
 * edges name existing vertices, FORWARD edges join equal parallelisms, the graph is acyclic and
 * operator uids are unique.
 */
public final class JobGraph {
    private final String name;
    private final List<JobVertex> vertices;
    private final List<JobEdge> edges;
    private final Configuration configuration;

    private JobGraph(String name, List<JobVertex> vertices, List<JobEdge> edges, Configuration configuration) {
        this.name = name;
        this.vertices = List.copyOf(vertices);
        this.edges = List.copyOf(edges);
        this.configuration = configuration.copy();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() { return name; }

    /** Vertices in the order they were added (ids are their positions). */
    public List<JobVertex> vertices() { return vertices; }

    public List<JobEdge> edges() { return edges; }

    public JobVertex vertex(int id) { return vertices.get(id); }

    public Configuration configuration() { return configuration.copy(); }

    /** Edges leaving vertex {@code id}, in the order they were added. */
    public List<JobEdge> outputsOf(int id) {
        List<JobEdge> out = new ArrayList<>();
        for (JobEdge e : edges) {
            if (e.sourceId() == id) {
                out.add(e);
            }
        }
        return out;
    }

    /** Edges entering vertex {@code id}, in the order they were added. */
    public List<JobEdge> inputsOf(int id) {
        List<JobEdge> in = new ArrayList<>();
        for (JobEdge e : edges) {
            if (e.targetId() == id) {
                in.add(e);
            }
        }
        return in;
    }

    /** Builds a graph; vertex ids are assigned in order, starting at 0. */
    public static final class Builder {
        private final String name;
        private final List<JobVertex> vertices = new ArrayList<>();
        private final List<JobEdge> edges = new ArrayList<>();
        private Configuration configuration = new Configuration();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Adds a vertex and returns its id. */
        public int addVertex(String vertexName, String uid, List<OperatorFactory> chain, int parallelism, int maxParallelism) {
            int id = vertices.size();
            vertices.add(new JobVertex(id, vertexName, uid, chain, parallelism, maxParallelism));
            return id;
        }

        /** Adds a vertex of one operator named and identified like that operator. */
        public int addVertex(OperatorFactory operator, int parallelism, int maxParallelism) {
            return addVertex(operator.name(), operator.uid(), List.of(operator), parallelism, maxParallelism);
        }

        public Builder connect(int sourceId, int targetId, Partitioner partitioner) {
            return connect(sourceId, targetId, 0, partitioner);
        }

        public Builder connect(int sourceId, int targetId, int targetInput, Partitioner partitioner) {
            edges.add(new JobEdge(sourceId, targetId, targetInput, partitioner));
            return this;
        }

        public Builder configuration(Configuration config) {
            this.configuration = config.copy();
            return this;
        }

        public JobGraph build() {
            for (JobEdge e : edges) {
                checkEdge(e);
            }
            checkUniqueUids();
            checkAcyclic();
            return new JobGraph(name, vertices, edges, configuration);
        }

        private void checkEdge(JobEdge e) {
            if (e.sourceId() < 0 || e.sourceId() >= vertices.size() || e.targetId() < 0 || e.targetId() >= vertices.size()) {
                throw new IllegalArgumentException("job '" + name + "': edge " + e + " names a vertex that does not exist");
            }
            JobVertex s = vertices.get(e.sourceId());
            JobVertex t = vertices.get(e.targetId());
            if (e.partitioner().kind() == PartitionerKind.FORWARD && s.parallelism() != t.parallelism()) {
                throw new IllegalArgumentException("job '" + name + "': FORWARD edge from '" + s.name() + "' (parallelism "
                    + s.parallelism() + ") to '" + t.name() + "' (parallelism " + t.parallelism() + ") needs equal parallelism");
            }
        }

        private void checkUniqueUids() {
            Set<String> uids = new HashSet<>();
            for (JobVertex v : vertices) {
                for (OperatorFactory f : v.chain()) {
                    if (!uids.add(f.uid())) {
                        throw new IllegalArgumentException("job '" + name + "': operator uid '" + f.uid() + "' is used twice");
                    }
                }
            }
        }

        private void checkAcyclic() {
            int[] state = new int[vertices.size()];
            for (int i = 0; i < vertices.size(); i++) {
                visit(i, state);
            }
        }

        private void visit(int v, int[] state) {
            if (state[v] == 2) {
                return;
            }
            if (state[v] == 1) {
                throw new IllegalArgumentException("job '" + name + "': the graph has a cycle through '" + vertices.get(v).name() + "'");
            }
            state[v] = 1;
            for (JobEdge e : edges) {
                if (e.sourceId() == v) {
                    visit(e.targetId(), state);
                }
            }
            state[v] = 2;
        }
    }
}
