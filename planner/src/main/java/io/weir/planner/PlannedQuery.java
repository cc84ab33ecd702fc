package io.weir.planner;

import io.weir.planner.exec.ExecGraph;
import io.weir.planner.exec.JobGraphTranslator;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.types.RowType;

import java.util.List;

/**
 * The result of planning one {@code SELECT}, {@code INSERT} or statement set: result schema,
 * EXPLAIN text, the {@link ExecGraph}, and {@link #jobGraph} to get the runtime job.
 */
public final class PlannedQuery {
    /** What a planned statement was. */
    public enum Kind { SELECT, INSERT, STATEMENT_SET }

    private final Kind kind;
    private final RowType resultType;
    private final List<String> sinkTables;
    private final String explain;
    private final ExecGraph execGraph;
    private final JobGraphTranslator translator;

    PlannedQuery(Kind kind, RowType resultType, List<String> sinkTables, String explain, ExecGraph execGraph,
                 JobGraphTranslator translator) {
        this.kind = kind;
        this.resultType = resultType;
        this.sinkTables = List.copyOf(sinkTables);
        this.explain = explain;
        this.execGraph = execGraph;
        this.translator = translator;
    }

    public Kind kind() { return kind; }

    /** The rows the query produces: a {@code SELECT}'s columns, or the first sink's input. */
    public RowType resultType() { return resultType; }

    /** The fully qualified target tables (empty for a {@code SELECT}). */
    public List<String> sinkTables() { return sinkTables; }

    /** The optimized physical plan with changelog modes (EXPLAIN's text). */
    public String explain() { return explain; }

    /** Chains of operator specs with partitioned edges, stable uids and parallelism. */
    public ExecGraph execGraph() { return execGraph; }

    /**
     * The runtime job: generates the code of every operator and creates sources and sinks through
     * their connector factories.
     *
     * @param jobName the job's name (e.g. the statement text, shortened)
     * @param collectSink the sink of a {@code SELECT}'s rows (the client's; its changelog is
     *     {@code execGraph().sinks().get(0).inputs()...outputMode()}), null for inserts
     */
    public JobGraph jobGraph(String jobName, TableSink collectSink) {
        return translator.translate(execGraph, jobName, collectSink);
    }
}
