package io.weir.planner.calcite;

import io.weir.parser.SqlParseError;
import io.weir.parser.WeirSqlConformance;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.ValidationException;
import io.weir.planner.functions.PlannerOperatorTable;
import io.weir.planner.schema.CatalogAccess;
import io.weir.planner.schema.CatalogSchemas;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;

import java.util.List;
import java.util.Properties;

/**
 * The Calcite environment of one planning call: type factory, the schema over the catalog, the
 * operator table, validator and {@code SqlToRelConverter} settings, and the cluster whose
 * planner later optimises the plan.
 *
 * <p>Created and used on one thread for one {@code plan} call; not thread-safe. Casing is
 * Lex.JAVA-style, as the parser's: unquoted identifiers keep their case and match case-sensitively.
 */
public final class PlannerContext implements RelOptTable.ViewExpander {
    private final JavaTypeFactoryImpl typeFactory = new WeirTypeFactory();
    private final SqlOperatorTable operatorTable;
    private final CalciteSchema rootSchema;
    private final List<String> defaultPath;
    private final VolcanoPlanner planner;
    private final RelOptCluster cluster;

    private final io.weir.checkpoint.config.Configuration conf;

    public PlannerContext(CatalogAccess catalog) {
        this(catalog, new io.weir.checkpoint.config.Configuration());
    }

    /** A context whose sources are created with {@code conf} (their changelog mode is read at planning). */
    public PlannerContext(CatalogAccess catalog, io.weir.checkpoint.config.Configuration conf) {
        this.conf = conf;
        this.operatorTable = PlannerOperatorTable.create();
        this.planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.setExecutor(new ConstantReducer(conf, io.weir.planner.exec.JobGraphTranslator.zone(conf)));
        this.cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        this.rootSchema = CalciteSchema.createRootSchema(false, false);
        CatalogSchemas.register(rootSchema.plus(), catalog, this);
        this.defaultPath = List.of(catalog.currentCatalog(), catalog.currentDatabase());
    }

    /** The session configuration of this planning call. */
    public io.weir.checkpoint.config.Configuration configuration() {
        return conf;
    }

    public JavaTypeFactoryImpl typeFactory() {
        return typeFactory;
    }

    public RelOptCluster cluster() {
        return cluster;
    }

    public VolcanoPlanner planner() {
        return planner;
    }

    public SqlOperatorTable operatorTable() {
        return operatorTable;
    }

    /** The parser settings for query and expression text (views, computed columns, watermarks). */
    public static SqlParser.Config parserConfig() {
        return WeirSqlParser.config();
    }

    /** Parses a query (a view's text). */
    public SqlNode parseQuery(String sql) {
        try {
            return WeirSqlParser.parseStatement(sql);
        } catch (SqlParseError e) {
            throw new ValidationException("SQL parse failed: " + e.getMessage(), e.line(), e.column(), e);
        }
    }

    /** A new validator over the catalog. Validators keep state: use one per statement. */
    public SqlValidator newValidator() {
        return newValidator(rootSchema, defaultPath);
    }

    /** A new validator over the given schema (the expression converter's one-table schema). */
    public SqlValidator newValidator(CalciteSchema schema, List<String> path) {
        // names resolve against catalog.database, then catalog (for db.t), then the root (catalog.db.t), as in Flink
        List<List<String>> paths = path.size() > 1 ? List.of(path, path.subList(0, 1), List.of()) : List.of(path, List.of());
        CalciteCatalogReader reader = new CalciteCatalogReader(schema, SqlNameMatchers.withCaseSensitive(true), paths,
            typeFactory, connectionConfig()) { }; // the multi-path constructor is protected
        SqlValidator.Config config = SqlValidator.Config.DEFAULT
            .withIdentifierExpansion(true)
            .withConformance(WeirSqlConformance.INSTANCE)
            .withTypeCoercionRules(WeirCastRules.INSTANCE)
            .withDefaultNullCollation(NullCollation.LOW);
        return SqlValidatorUtil.newValidator(operatorTable, reader, typeFactory, config);
    }

    /** A converter for a statement that {@code validator} has validated. */
    public SqlToRelConverter newConverter(SqlValidator validator) {
        SqlToRelConverter.Config config = SqlToRelConverter.config()
            .withTrimUnusedFields(false)
            .withExpand(false)
            .withInSubQueryThreshold(Integer.MAX_VALUE);
        return new SqlToRelConverter(this, validator, (org.apache.calcite.prepare.Prepare.CatalogReader)
            validator.getCatalogReader(), cluster, WeirConvertletTable.INSTANCE, config);
    }

    /** Validates and converts a query; returns the logical plan with the query's field names. */
    public RelRoot toRel(SqlNode query) {
        StreamingSqlChecks.check(query);
        GroupWindowSqlRewriter.rewrite(query);
        SqlValidator validator = newValidator();
        SqlNode validated;
        try {
            validated = validator.validate(query);
        } catch (RuntimeException e) {
            throw CalciteErrors.toValidationException("SQL validation failed", e);
        }
        RelRoot root = newConverter(validator).convertQuery(validated, false, true);
        return root.withRel(TimestampPrecisionNormalizer.normalize(root.rel));
    }

    /** Expands a view in place (called by Calcite while converting a query that uses it). */
    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
                              List<String> viewPath) {
        return toRel(parseQuery(queryString));
    }

    /**
     * Constant folding with Calcite's executor; an expression it cannot evaluate at planning time
     * (e.g. a Weir function, or 1/0) is left for the generated code, which fails with the row.
     */
    private static CalciteConnectionConfig connectionConfig() {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
        p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
        return new CalciteConnectionConfigImpl(p);
    }
}
