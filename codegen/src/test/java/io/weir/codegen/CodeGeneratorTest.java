package io.weir.codegen;

import static io.weir.codegen.testutil.SqlFixture.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.codegen.testutil.SqlFixture;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexProgram;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {
    private final SqlFixture sql = new SqlFixture();

    @Test
    void shouldGenerateACalcFromARexProgram() {
        Project project = (Project) sql.plan("SELECT a * 2, s FROM T WHERE a > 1");
        Filter filter = (Filter) project.getInput();
        RexProgram program = RexProgram.create(filter.getInput().getRowType(), project.getProjects(),
            filter.getCondition(), project.getRowType(), project.getCluster().getRexBuilder());
        Calc calc = new CodeGenerator(project.getCluster().getRexBuilder()).calc(program, false)
            .newInstance(getClass().getClassLoader());
        assertNull(calc.apply(named("a", 1)));
        assertEquals(Row.of(4, "x"), calc.apply(named("a", 2, "s", "x")));
    }

    @Test
    void whenCheckedArithmeticIsOff_thenIntegersWrapAroundAsInFlink() {
        Project project = (Project) sql.plan("SELECT a + 1 FROM T");
        Configuration conf = new Configuration().set(CodegenOptions.CHECKED_ARITHMETIC, false);
        Calc calc = new CodeGenerator(project.getCluster().getRexBuilder(), conf)
            .calc(project.getInput().getRowType(), project.getProjects(), null, false)
            .newInstance(getClass().getClassLoader());
        assertEquals(Row.of(Integer.MIN_VALUE), calc.apply(named("a", Integer.MAX_VALUE)));
    }

    @Test
    void shouldSplitWideSelectListsIntoMethods() {
        StringBuilder select = new StringBuilder("a");
        for (int i = 1; i < 130; i++) {
            select.append(", a + ").append(i);
        }
        Project project = (Project) sql.plan("SELECT " + select + " FROM T");
        String source = new CodeGenerator(project.getCluster().getRexBuilder())
            .calc(project.getInput().getRowType(), project.getProjects(), null, false).source();
        assertTrue(source.contains("project2(in, o);"), source);
    }
}
