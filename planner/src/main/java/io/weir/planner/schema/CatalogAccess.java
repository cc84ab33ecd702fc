package io.weir.planner.schema;

import java.util.List;
import java.util.Optional;

/**
 * What the planner reads from the catalog: catalogs, databases and the tables and views in them.
 *
 * <p>The planner calls it on the planning thread only, during one {@code plan} call; an
 * implementation need not be thread-safe. Names are case-sensitive (Lex.JAVA casing). The client
 * adapts the session catalog (branch {@code parser}, package {@code io.weir.planner.catalog}) to
 * this interface.
 */
public interface CatalogAccess {

    /** The catalog that unqualified names resolve in, e.g. {@code default_catalog}. */
    String currentCatalog();

    /** The database that unqualified names resolve in, e.g. {@code default_database}. */
    String currentDatabase();

    /** All catalog names. */
    List<String> catalogs();

    /** The databases of a catalog (empty if the catalog does not exist). */
    List<String> databases(String catalog);

    /** The names of the tables and views of a database. */
    List<String> objects(String catalog, String database);

    /** The table or view with this fully qualified name, if any. */
    Optional<CatalogObject> object(String catalog, String database, String name);
}
