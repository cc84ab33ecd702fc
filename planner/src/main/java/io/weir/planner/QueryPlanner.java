package io.weir.planner;

import io.weir.checkpoint.config.Configuration;
import io.weir.parser.dml.SqlStatementSet;
import io.weir.parser.dql.SqlRichExplain;
import io.weir.planner.calcite.PlannerContext;
import io.weir.planner.calcite.RelTypes;
import io.weir.planner.exec.ExecGraph;
import io.weir.planner.exec.ExecGraphBuilder;
import io.weir.planner.exec.JobGraphTranslator;
import io.weir.planner.explain.PlanPrinter;
import io.weir.planner.logical.LogicalSink;
import io.weir.planner.physical.StreamPhysicalSink;
import io.weir.planner.properties.PhysicalProperties;
import io.weir.planner.rules.TwoPhaseAggregation;
import io.weir.planner.schema.CatalogAccess;
import io.weir.planner.schema.CatalogObject;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.schema.Connectors;
import io.weir.planner.schema.TableDescriptor;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The planner's facade for the client: plans a {@code SELECT}, an {@code INSERT INTO} or a
 * statement set ({@code EXECUTE STATEMENT SET} / {@code BEGIN STATEMENT SET; ... END;}) into a
 * {@link PlannedQuery}: result schema, EXPLAIN text and the job's {@link ExecGraph}. DDL,
 * {@code SET}, {@code SHOW} and the like are the client's.
 *
 * <p>Stateless: every call builds its own Calcite environment, so calls are independent; one
 * call runs on the caller's thread and reads the catalog only during the call.
 */
public final class QueryPlanner {

    /** Plans a statement; errors are {@link ValidationException}s with line and column where known. */
    public PlannedQuery plan(SqlNode statement, CatalogAccess catalog, Configuration conf) {
        SqlNode stmt = statement instanceof SqlRichExplain ? ((SqlRichExplain) statement).getStatement() : statement;
        PlannerContext context = new PlannerContext(catalog, conf);
        List<RelNode> logicalSinks = toLogicalSinks(stmt, context, catalog, conf);
        StreamOptimizer optimizer = new StreamOptimizer(context);
        List<StreamPhysicalSink> sinks = new ArrayList<>();
        for (RelNode sink : logicalSinks) {
            sinks.add(optimizer.optimize(sink));
        }
        PhysicalProperties props = PhysicalProperties.infer(sinks);
        if (conf.get(PlannerOptions.MINI_BATCH_ENABLED)) {
            ExecGraphBuilder.validateMiniBatch(conf);
            List<StreamPhysicalSink> split = new ArrayList<>();
            for (StreamPhysicalSink s : sinks) {
                split.add((StreamPhysicalSink) TwoPhaseAggregation.rewrite(s, props));
            }
            sinks = split;
            props = PhysicalProperties.infer(sinks);
        }
        String explain = PlanPrinter.print(sinks, props);
        ExecGraph graph = new ExecGraphBuilder(props, conf).build(sinks);
        List<String> tables = new ArrayList<>();
        for (StreamPhysicalSink s : sinks) {
            if (s.table() != null) {
                tables.add(s.table().qualifiedName());
            }
        }
        PlannedQuery.Kind kind = stmt instanceof SqlStatementSet ? PlannedQuery.Kind.STATEMENT_SET
            : stmt instanceof SqlInsert ? PlannedQuery.Kind.INSERT : PlannedQuery.Kind.SELECT;
        return new PlannedQuery(kind, RelTypes.toRowType(sinks.get(0).getInput().getRowType()), tables, explain, graph,
            new JobGraphTranslator(context.cluster().getRexBuilder(), conf));
    }

    /** The optimized physical plan of a statement (an {@code EXPLAIN} node or the statement itself). */
    public String explain(SqlNode statement, CatalogAccess catalog, Configuration conf) {
        return plan(statement, catalog, conf).explain();
    }

    private List<RelNode> toLogicalSinks(SqlNode stmt, PlannerContext context, CatalogAccess catalog, Configuration conf) {
        List<RelNode> sinks = new ArrayList<>();
        if (stmt instanceof SqlStatementSet) {
            for (SqlInsert insert : ((SqlStatementSet) stmt).getInserts()) {
                sinks.add(insertSink(insert, context, catalog, conf));
            }
        } else if (stmt instanceof SqlInsert) {
            sinks.add(insertSink((SqlInsert) stmt, context, catalog, conf));
        } else if (stmt.isA(SqlKind.QUERY)) {
            RelNode query = context.toRel(stmt).project();
            sinks.add(new LogicalSink(query.getCluster(), query.getTraitSet().replace(Convention.NONE), query, null,
                ChangelogMode.all()));
        } else {
            throw new ValidationException("The planner plans SELECT, INSERT INTO and statement sets, not " + stmt.getKind(),
                stmt.getParserPosition().getLineNum(), stmt.getParserPosition().getColumnNum(), null);
        }
        return sinks;
    }

    private RelNode insertSink(SqlInsert insert, PlannerContext context, CatalogAccess catalog, Configuration conf) {
        TableDescriptor table = targetTable(insert, catalog);
        RelNode query = context.toRel(insert.getSource()).project();
        RelNode aligned = alignToSink(query, table, insert.getTargetColumnList(), insert);
        ChangelogMode accepted = Connectors.createSink(table, conf).acceptedChangelogMode();
        return new LogicalSink(aligned.getCluster(), aligned.getTraitSet().replace(Convention.NONE), aligned, table, accepted);
    }

    private static TableDescriptor targetTable(SqlInsert insert, CatalogAccess catalog) {
        SqlIdentifier id = (SqlIdentifier) insert.getTargetTable();
        List<String> names = id.names;
        List<String> path = new ArrayList<>();
        if (names.size() < 3) {
            path.add(catalog.currentCatalog());
        }
        if (names.size() < 2) {
            path.add(catalog.currentDatabase());
        }
        path.addAll(names);
        Optional<CatalogObject> o = path.size() == 3 ? catalog.object(path.get(0), path.get(1), path.get(2)) : Optional.empty();
        if (o.isEmpty() || !(o.get() instanceof TableDescriptor)) {
            throw new ValidationException((o.isEmpty() ? "Table '" : "Cannot insert into view '") + String.join(".", path)
                + (o.isEmpty() ? "' not found" : "'"), id.getParserPosition().getLineNum(),
                id.getParserPosition().getColumnNum(), null);
        }
        return (TableDescriptor) o.get();
    }

    /** Casts and orders the query's columns into the table's persisted columns; unnamed ones get NULL. */
    private static RelNode alignToSink(RelNode query, TableDescriptor table, SqlNodeList targetColumns, SqlInsert insert) {
        List<ColumnDescriptor> sinkColumns = new ArrayList<>();
        for (ColumnDescriptor c : table.columns()) {
            if (c.isPersisted()) {
                sinkColumns.add(c);
            }
        }
        List<String> targets = new ArrayList<>();
        if (targetColumns == null) {
            sinkColumns.forEach(c -> targets.add(c.name()));
        } else {
            targetColumns.forEach(n -> targets.add(((SqlIdentifier) n).getSimple()));
        }
        List<RelDataTypeField> fields = query.getRowType().getFieldList();
        if (fields.size() != targets.size()) {
            throw mismatch(table, query, sinkColumns, "Different number of columns.", insert);
        }
        RexBuilder rex = query.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ColumnDescriptor c : sinkColumns) {
            RelDataType sinkType = RelTypes.toRelDataType(query.getCluster().getTypeFactory(), c.type());
            int pos = targets.indexOf(c.name());
            if (pos < 0) {
                if (!sinkType.isNullable()) {
                    throw mismatch(table, query, sinkColumns, "Column '" + c.name() + "' is NOT NULL and gets no value.", insert);
                }
                exprs.add(rex.makeNullLiteral(sinkType));
            } else {
                RelDataType from = fields.get(pos).getType();
                if (!SqlTypeUtil.canCastFrom(sinkType, from, true) || (SqlTypeUtil.isCharacter(from) != SqlTypeUtil.isCharacter(sinkType))) {
                    throw mismatch(table, query, sinkColumns, "Incompatible types for sink column '" + c.name()
                        + "' at position " + pos + ".", insert);
                }
                RexNode ref = rex.makeInputRef(query, pos);
                exprs.add(SqlTypeUtil.equalSansNullability(from, sinkType) ? ref : rex.makeCast(sinkType, ref, true, false));
            }
            names.add(c.name());
        }
        for (String t : targets) {
            if (sinkColumns.stream().noneMatch(c -> c.name().equals(t))) {
                throw mismatch(table, query, sinkColumns, "Unknown target column '" + t + "'.", insert);
            }
        }
        return LogicalProject.create(query, List.of(), exprs, names, java.util.Set.of());
    }

    private static ValidationException mismatch(TableDescriptor table, RelNode query, List<ColumnDescriptor> sinkColumns,
                                                String cause, SqlInsert insert) {
        List<String> q = new ArrayList<>();
        query.getRowType().getFieldList().forEach(f -> q.add(f.getName() + ": " + RelTypes.toDataType(f.getType())));
        List<String> s = new ArrayList<>();
        sinkColumns.forEach(c -> s.add(c.name() + ": " + c.type()));
        return new ValidationException("Column types of query result and sink for '" + table.qualifiedName()
            + "' do not match.\nCause: " + cause + "\n\nQuery schema: " + q + "\nSink schema:  " + s,
            insert.getParserPosition().getLineNum(), insert.getParserPosition().getColumnNum(), null);
    }
}
