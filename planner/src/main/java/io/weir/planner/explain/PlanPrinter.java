package io.weir.planner.explain;

import io.weir.planner.physical.StreamPhysicalJoin;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalSink;
import io.weir.planner.properties.ChangelogModes;
import io.weir.planner.properties.PhysicalProperties;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a streaming physical plan as Flink's EXPLAIN does, one node per line with its inputs
 * below it:
 * <pre>
 * Sink(table=[default_catalog.default_database.out], fields=[a, cnt], changelogMode=[NONE])
 * +- GroupAggregate(groupBy=[a], select=[a, COUNT(*) AS cnt], changelogMode=[I,UB,UA])
 *    +- Exchange(distribution=[hash[a]], changelogMode=[I])
 * </pre>
 * Stable across runs: attributes are printed by name, never with ids.
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    /** The plans of all sinks, separated by blank lines. */
    public static String print(List<StreamPhysicalSink> sinks, PhysicalProperties props) {
        StringBuilder sb = new StringBuilder();
        for (StreamPhysicalSink sink : sinks) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            print(sink, props, "", "", sb);
        }
        return sb.toString();
    }

    private static void print(RelNode node, PhysicalProperties props, String prefix, String childPrefix,
                              StringBuilder sb) {
        Collector c = new Collector();
        node.explain(c);
        sb.append(prefix).append(((StreamPhysicalRel) node).explainName()).append('(')
            .append(c.attributes());
        if (props != null && node instanceof StreamPhysicalJoin join && join.interval() == null) {
            sb.append(c.attributes().isEmpty() ? "" : ", ").append(join.explainInputSpecs(props));
        }
        if (props != null) {
            ChangelogMode mode = props.changelogMode(node);
            String m = node instanceof StreamPhysicalSink ? "NONE" : ChangelogModes.explain(mode);
            sb.append(c.attributes().isEmpty() ? "" : ", ").append("changelogMode=[").append(m).append(']');
        }
        sb.append(")\n");
        List<RelNode> inputs = node.getInputs();
        for (int i = 0; i < inputs.size(); i++) {
            boolean last = i == inputs.size() - 1;
            print(inputs.get(i), props, childPrefix + (last ? "+- " : ":- "), childPrefix + (last ? "   " : ":  "), sb);
        }
    }

    /** One node in EXPLAIN form, without inputs, e.g. for error messages. */
    public static String describe(RelNode node) {
        Collector c = new Collector();
        node.explain(c);
        String name = node instanceof StreamPhysicalRel ? ((StreamPhysicalRel) node).explainName() : node.getRelTypeName();
        return name + "(" + c.attributes() + ")";
    }

    /** Collects a node's attributes (not its inputs) as {@code name=[value]} pairs. */
    private static final class Collector implements RelWriter {
        private final List<Pair<String, Object>> values = new ArrayList<>();

        @Override
        public void explain(RelNode rel, List<Pair<String, Object>> valueList) {
            valueList.forEach(v -> item(v.left, v.right));
        }

        @Override
        public SqlExplainLevel getDetailLevel() {
            return SqlExplainLevel.EXPPLAN_ATTRIBUTES;
        }

        @Override
        public RelWriter item(String term, Object value) {
            if (!(value instanceof RelNode)) {
                values.add(Pair.of(term, value));
            }
            return this;
        }

        @Override
        public RelWriter done(RelNode node) {
            return this;
        }

        String attributes() {
            List<String> parts = new ArrayList<>();
            for (Pair<String, Object> v : values) {
                parts.add(v.left + "=[" + v.right + "]");
            }
            return String.join(", ", parts);
        }
    }
}
