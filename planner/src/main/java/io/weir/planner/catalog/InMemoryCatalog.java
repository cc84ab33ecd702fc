package io.weir.planner.catalog;

import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.parser.ddl.SqlDropTable;
import io.weir.parser.ddl.SqlDropView;
import io.weir.planner.schema.CatalogAccess;
import io.weir.planner.schema.CatalogObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The session's catalog: one catalog {@code default_catalog} with one database
 * {@code default_database}, holding tables and views in memory. TEMPORARY objects live beside
 * permanent ones and shadow a permanent object of the same name.
 *
 * <p>Names are case-sensitive. A name may be written as {@code t}, {@code default_database.t} or
 * {@code default_catalog.default_database.t}. Methods are synchronized: the client's statement
 * thread and the planner may both call it.
 */
public final class InMemoryCatalog implements CatalogAccess {
    public static final String DEFAULT_CATALOG = "default_catalog";
    public static final String DEFAULT_DATABASE = "default_database";

    private final Map<String, Object> permanent = new HashMap<>();
    private final Map<String, Object> temporary = new HashMap<>();
    private final CreateTableConverter converter;
    private SystemTables systemTables;

    /** A catalog that validates computed columns and watermarks with Calcite's standard functions. */
    public InMemoryCatalog() {
        this(SqlStdOperatorTable.instance());
    }

    /** @param operatorTable the functions computed-column and watermark expressions may call */
    public InMemoryCatalog(SqlOperatorTable operatorTable) {
        this.converter = new CreateTableConverter(new ExpressionTyper(operatorTable));
    }

    /**
     * Adds the read-only database {@link SystemTables#DATABASE} ({@code sys.jobs},
     * {@code sys.checkpoints}, {@code sys.checkpoint_operators}) over the session's jobs.
     */
    public synchronized void enableSystemTables(SystemTables tables) {
        this.systemTables = tables;
    }

    // ---- names

    /** The full name of {@code t}, {@code db.t} or {@code catalog.db.t}; errors on another catalog or database. */
    public ObjectIdentifier qualify(List<String> names) {
        if (names.isEmpty() || names.size() > 3) {
            throw new CatalogException("invalid object name " + String.join(".", names));
        }
        String name = names.get(names.size() - 1);
        String database = names.size() >= 2 ? names.get(names.size() - 2) : DEFAULT_DATABASE;
        String catalog = names.size() == 3 ? names.get(0) : DEFAULT_CATALOG;
        if (!catalog.equals(DEFAULT_CATALOG)) {
            throw new CatalogException("catalog `" + catalog + "` does not exist (only `" + DEFAULT_CATALOG + "` does)");
        }
        if (!database.equals(DEFAULT_DATABASE) && !isSystemDatabase(database)) {
            throw new CatalogException("database `" + database + "` does not exist in catalog `" + catalog
                + "` (only `" + DEFAULT_DATABASE + "` does)");
        }
        return new ObjectIdentifier(catalog, database, name);
    }

    public ObjectIdentifier qualify(SqlIdentifier name) {
        try {
            return qualify(name.names);
        } catch (CatalogException e) {
            throw CatalogException.at(name.getParserPosition(), e.getMessage(), e);
        }
    }

    // ---- DDL statements

    /**
     * Executes {@code CREATE [TEMPORARY] TABLE}.
     *
     * @return false when the table existed and IF NOT EXISTS skipped the statement
     */
    public synchronized boolean createTable(SqlCreateTable ddl) {
        if (ddl.getReplace()) {
            throw CatalogException.at(ddl.getParserPosition(), "not supported yet: CREATE OR REPLACE TABLE");
        }
        ObjectIdentifier id = qualify(ddl.getName());
        if (ddl.isIfNotExists() && find(id.name(), ddl.isTemporary()) != null) {
            return false;
        }
        return createTable(id, converter.convert(ddl), ddl.isIfNotExists(), ddl.isTemporary());
    }

    /**
     * Executes {@code CREATE [OR REPLACE] [TEMPORARY] VIEW}, after validating its query against
     * this catalog with the planner's validator.
     *
     * @param statementSql the statement's text, to keep the query as the user wrote it (may be null)
     * @return false when the view existed and IF NOT EXISTS skipped the statement
     */
    public synchronized boolean createView(SqlCreateView ddl, String statementSql) {
        ObjectIdentifier id = qualify(ddl.getName());
        if (ddl.isIfNotExists() && find(id.name(), ddl.isTemporary()) != null) {
            return false;
        }
        CatalogView view = ViewValidator.validate(ddl, statementSql, this);
        if (ddl.getReplace()) {
            Object existing = find(id.name(), ddl.isTemporary());
            if (existing instanceof CatalogTable) {
                throw CatalogException.at(ddl.getParserPosition(), "cannot replace table " + id + " with a view");
            }
            objects(ddl.isTemporary()).put(id.name(), view);
            return true;
        }
        return createView(id, view, ddl.isIfNotExists(), ddl.isTemporary());
    }

    /** Executes {@code DROP [TEMPORARY] TABLE [IF EXISTS]}; returns false when IF EXISTS skipped it. */
    public synchronized boolean dropTable(SqlDropTable ddl) {
        return drop(qualify(ddl.getName()), ddl.isIfExists(), ddl.isTemporary(), CatalogTable.class);
    }

    /** Executes {@code DROP [TEMPORARY] VIEW [IF EXISTS]}; returns false when IF EXISTS skipped it. */
    public synchronized boolean dropView(SqlDropView ddl) {
        return drop(qualify(ddl.getName()), ddl.isIfExists(), ddl.isTemporary(), CatalogView.class);
    }

    // ---- programmatic API

    /** Registers a table; returns false when it exists and {@code ignoreIfExists}, else errors. */
    public synchronized boolean createTable(ObjectIdentifier id, CatalogTable table, boolean ignoreIfExists, boolean isTemporary) {
        return create(id, table, ignoreIfExists, isTemporary);
    }

    /** Registers a view; returns false when it exists and {@code ignoreIfExists}, else errors. */
    public synchronized boolean createView(ObjectIdentifier id, CatalogView view, boolean ignoreIfExists, boolean isTemporary) {
        return create(id, view, ignoreIfExists, isTemporary);
    }

    /** The table of that name (a temporary one first), if it is a table. */
    public synchronized Optional<CatalogTable> getTable(ObjectIdentifier id) {
        Object o = lookup(id);
        return o instanceof CatalogTable ? Optional.of((CatalogTable) o) : Optional.empty();
    }

    /** The view of that name (a temporary one first), if it is a view. */
    public synchronized Optional<CatalogView> getView(ObjectIdentifier id) {
        Object o = lookup(id);
        return o instanceof CatalogView ? Optional.of((CatalogView) o) : Optional.empty();
    }

    /** Whether the name resolves to a temporary object. */
    public synchronized boolean isTemporary(ObjectIdentifier id) {
        return isDefault(id) && temporary.containsKey(id.name());
    }

    /** Names of all tables and views, sorted (what Flink's SHOW TABLES lists). */
    public synchronized List<String> listTables() {
        TreeSet<String> names = new TreeSet<>(permanent.keySet());
        names.addAll(temporary.keySet());
        return new ArrayList<>(names);
    }

    /** Names of the views, sorted. */
    public synchronized List<String> listViews() {
        TreeSet<String> names = new TreeSet<>();
        for (String name : listTables()) {
            if (lookupByName(name) instanceof CatalogView) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    // ---- renderers

    /** DESCRIBE of a table or view: columns name, type, null, key, extras, watermark. */
    public synchronized TabularResult describe(SqlIdentifier name) {
        ObjectIdentifier id = qualify(name);
        if (isSystemDatabase(id.database())) {
            return SystemTables.describe(id.name()).orElseThrow(() -> CatalogException.at(name.getParserPosition(),
                "system table " + id + " does not exist (there are " + SystemTables.names() + ")"));
        }
        Object o = lookup(id);
        if (o instanceof CatalogView) {
            return TableDescriber.describe((CatalogView) o);
        }
        return TableDescriber.describe(requireTable(id, name));
    }

    /** SHOW CREATE TABLE: a CREATE TABLE statement that re-creates the table. */
    public synchronized String showCreateTable(SqlIdentifier name) {
        ObjectIdentifier id = qualify(name);
        return ShowCreate.table(id, requireTable(id, name), isTemporary(id));
    }

    /** SHOW CREATE VIEW: a CREATE VIEW statement that re-creates the view. */
    public synchronized String showCreateView(SqlIdentifier name) {
        ObjectIdentifier id = qualify(name);
        CatalogView view = getView(id).orElseThrow(() -> CatalogException.at(name.getParserPosition(),
            "view " + id + " does not exist"));
        return ShowCreate.view(id, view, isTemporary(id));
    }

    // ---- CatalogAccess, for the planner

    @Override
    public String currentCatalog() {
        return DEFAULT_CATALOG;
    }

    @Override
    public String currentDatabase() {
        return DEFAULT_DATABASE;
    }

    @Override
    public List<String> catalogs() {
        return List.of(DEFAULT_CATALOG);
    }

    @Override
    public synchronized List<String> databases(String catalog) {
        if (!DEFAULT_CATALOG.equals(catalog)) {
            return List.of();
        }
        return systemTables == null ? List.of(DEFAULT_DATABASE) : List.of(DEFAULT_DATABASE, SystemTables.DATABASE);
    }

    @Override
    public synchronized List<String> objects(String catalog, String database) {
        if (DEFAULT_CATALOG.equals(catalog) && isSystemDatabase(database)) {
            return SystemTables.names();
        }
        return DEFAULT_CATALOG.equals(catalog) && DEFAULT_DATABASE.equals(database) ? listTables() : List.of();
    }

    @Override
    public synchronized Optional<CatalogObject> object(String catalog, String database, String name) {
        ObjectIdentifier id = new ObjectIdentifier(catalog, database, name);
        if (DEFAULT_CATALOG.equals(catalog) && isSystemDatabase(database)) {
            return systemTables.view(id).map(v -> v);
        }
        Object o = lookup(id);
        if (o instanceof CatalogTable) {
            return Optional.of(Descriptors.table(id, (CatalogTable) o));
        }
        if (o instanceof CatalogView) {
            return Optional.of(Descriptors.view(id, (CatalogView) o));
        }
        return Optional.empty();
    }

    // ---- internals

    private boolean create(ObjectIdentifier id, Object object, boolean ignoreIfExists, boolean isTemporary) {
        qualify(id.path());
        refuseSystem(id, "CREATE");
        Object existing = find(id.name(), isTemporary);
        if (existing != null) {
            if (ignoreIfExists) {
                return false;
            }
            throw new CatalogException(kind(existing, isTemporary) + " " + id + " already exists"
                + " (use CREATE " + (isTemporary ? "TEMPORARY " : "") + kindKeyword(object) + " IF NOT EXISTS to skip it)");
        }
        objects(isTemporary).put(id.name(), object);
        return true;
    }

    private boolean drop(ObjectIdentifier id, boolean ifExists, boolean isTemporary, Class<?> expected) {
        String keyword = expected == CatalogTable.class ? "TABLE" : "VIEW";
        refuseSystem(id, "DROP " + keyword);
        Object existing = find(id.name(), isTemporary);
        if (existing == null) {
            if (!isTemporary && temporary.containsKey(id.name())) {
                throw new CatalogException(kind(temporary.get(id.name()), true) + " " + id
                    + " is temporary: use DROP TEMPORARY " + keyword);
            }
            if (ifExists) {
                return false;
            }
            throw new CatalogException((isTemporary ? "temporary " : "") + keyword.toLowerCase() + " " + id
                + " does not exist (use DROP " + (isTemporary ? "TEMPORARY " : "") + keyword + " IF EXISTS to ignore this)");
        }
        if (!expected.isInstance(existing)) {
            throw new CatalogException(id + " is a " + kindKeyword(existing).toLowerCase() + ": use DROP "
                + (isTemporary ? "TEMPORARY " : "") + kindKeyword(existing));
        }
        objects(isTemporary).remove(id.name());
        return true;
    }

    private CatalogTable requireTable(ObjectIdentifier id, SqlIdentifier name) {
        Object o = lookup(id);
        if (o instanceof CatalogView) {
            throw CatalogException.at(name.getParserPosition(), id + " is a view, not a table");
        }
        if (o == null) {
            throw CatalogException.at(name.getParserPosition(), "table " + id + " does not exist");
        }
        return (CatalogTable) o;
    }

    private Object lookup(ObjectIdentifier id) {
        return isDefault(id) ? lookupByName(id.name()) : null;
    }

    private Object lookupByName(String name) {
        Object o = temporary.get(name);
        return o != null ? o : permanent.get(name);
    }

    private Object find(String name, boolean isTemporary) {
        return objects(isTemporary).get(name);
    }

    private Map<String, Object> objects(boolean isTemporary) {
        return isTemporary ? temporary : permanent;
    }

    private boolean isSystemDatabase(String database) {
        return systemTables != null && SystemTables.DATABASE.equals(database);
    }

    private void refuseSystem(ObjectIdentifier id, String statement) {
        if (isSystemDatabase(id.database())) {
            throw new CatalogException(statement + " is not allowed in the read-only system database `" + SystemTables.DATABASE
                + "` (" + id + "); its tables " + SystemTables.names() + " can only be queried");
        }
    }

    private static boolean isDefault(ObjectIdentifier id) {
        return DEFAULT_CATALOG.equals(id.catalog()) && DEFAULT_DATABASE.equals(id.database());
    }

    private static String kind(Object object, boolean isTemporary) {
        return (isTemporary ? "Temporary " + kindKeyword(object).toLowerCase()
            : kindKeyword(object).charAt(0) + kindKeyword(object).substring(1).toLowerCase());
    }

    private static String kindKeyword(Object object) {
        return object instanceof CatalogView ? "VIEW" : "TABLE";
    }
}
