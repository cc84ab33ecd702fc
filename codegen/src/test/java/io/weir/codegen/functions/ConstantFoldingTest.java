package io.weir.codegen.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.codegen.testutil.SqlFixture;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.junit.jupiter.api.Test;

/** What the planner's constant reduction may and may not do with Weir's functions. */
class ConstantFoldingTest {
    private final SqlFixture sql = new SqlFixture();

    @Test
    void shouldFoldDeterministicFunctionsAtPlanTime() {
        Project project = (Project) sql.plan("SELECT SPLIT_INDEX('a,b', ',', 1), TO_DATE('1970-01-11') FROM T");
        List<RexNode> reduced = new ArrayList<>();
        new RexExecutorImpl(DataContexts.EMPTY).reduce(project.getCluster().getRexBuilder(), project.getProjects(),
            reduced);
        assertEquals("b", literal(reduced.get(0)).getValueAs(String.class));
        assertEquals(10, literal(reduced.get(1)).getValueAs(Integer.class));
    }

    @Test
    void shouldNeverFoldSessionDependentFunctions() {
        Project project = (Project) sql.plan(
            "SELECT PROCTIME(), FROM_UNIXTIME(0), UNIX_TIMESTAMP(), CURRENT_WATERMARK(ts), SPLIT_INDEX(s, ',', 0) FROM T");
        for (RexNode e : project.getProjects().subList(0, 4)) {
            RexCall call = (RexCall) RexUtil.removeCast(e);
            assertTrue(call.getOperator().isDynamicFunction(), e.toString());
            assertFalse(call.getOperator().isDeterministic(), e.toString());
        }
        assertTrue(RexUtil.isDeterministic(project.getProjects().get(4)));
    }

    /** The literal under the nullability CAST that reduction keeps. */
    private static RexLiteral literal(RexNode node) {
        return (RexLiteral) RexUtil.removeCast(node);
    }

}
