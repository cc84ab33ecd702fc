package io.weir.planner.testing;

import io.weir.checkpoint.config.Configuration;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.InMemoryCatalog;
import io.weir.planner.PlannedQuery;
import io.weir.planner.QueryPlanner;
import io.weir.planner.ValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Golden-file plan tests: {@code sql(...).expectPlan("name")} compares the SQL and its EXPLAIN
 * text with {@code src/test/resources/plans/name.plan}; {@code expectError} does the same with the
 * error message. Run with {@code -Dweir.plans.overwrite=true} to (re)write the files, then review
 * the diff.
 */
public final class PlanFixture {
    private static final Path DIR = Paths.get("src/test/resources/plans");
    private final InMemoryCatalog catalog;
    private final Configuration conf;
    private final String sql;

    private PlanFixture(InMemoryCatalog catalog, Configuration conf, String sql) {
        this.catalog = catalog;
        this.conf = conf;
        this.sql = sql;
    }

    public static PlanFixture of(InMemoryCatalog catalog) {
        return new PlanFixture(catalog, new Configuration(), null);
    }

    public PlanFixture set(String key, String value) {
        Configuration c = conf.copy();
        c.setString(key, value);
        return new PlanFixture(catalog, c, sql);
    }

    public PlanFixture sql(String statement) {
        return new PlanFixture(catalog, conf, statement);
    }

    public PlannedQuery plan() {
        return new QueryPlanner().plan(WeirSqlParser.parseStatement(sql), catalog, conf);
    }

    /** Compares {@code -- sql}, the plan and the exec graph with the golden file. */
    public PlannedQuery expectPlan(String name) {
        PlannedQuery q = plan();
        check(name, "== Physical Plan ==\n" + q.explain() + "\n== Job ==\n" + q.execGraph().describe());
        return q;
    }

    /** Compares the planning error with the golden file. */
    public ValidationException expectError(String name) {
        ValidationException e = assertThrows(ValidationException.class, this::plan);
        check(name, "== Error ==\n" + e.getMessage() + "\n");
        return e;
    }

    private void check(String name, String actual) {
        String content = "-- " + sql.replace("\n", "\n-- ") + "\n" + actual;
        Path file = DIR.resolve(name + ".plan");
        try {
            if (Boolean.getBoolean("weir.plans.overwrite") || !Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, content, StandardCharsets.UTF_8);
                if (!Boolean.getBoolean("weir.plans.overwrite")) {
                    throw new AssertionError("golden file " + file + " did not exist; written, review it:\n" + content);
                }
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), content, "plan of " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
