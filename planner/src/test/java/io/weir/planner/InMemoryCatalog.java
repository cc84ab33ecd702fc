package io.weir.planner;

import io.weir.planner.schema.CatalogAccess;
import io.weir.planner.schema.CatalogObject;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.schema.TableDescriptor;
import io.weir.planner.schema.ViewDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small catalog fake for planner tests: one catalog, one database. */
public final class InMemoryCatalog implements CatalogAccess {
    public static final String CATALOG = "default_catalog";
    public static final String DATABASE = "default_database";
    private final Map<String, CatalogObject> objects = new LinkedHashMap<>();

    public InMemoryCatalog table(String name, List<ColumnDescriptor> columns, String rowtime,
                                 String watermarkExpr, List<String> primaryKey, Map<String, String> options) {
        Optional<TableDescriptor.WatermarkDescriptor> wm = rowtime == null ? Optional.empty()
            : Optional.of(new TableDescriptor.WatermarkDescriptor(rowtime, watermarkExpr));
        objects.put(name, new TableDescriptor(List.of(CATALOG, DATABASE, name), columns, wm, primaryKey, options));
        return this;
    }

    public InMemoryCatalog view(String name, String query) {
        objects.put(name, new ViewDescriptor(List.of(CATALOG, DATABASE, name), query));
        return this;
    }

    @Override
    public String currentCatalog() {
        return CATALOG;
    }

    @Override
    public String currentDatabase() {
        return DATABASE;
    }

    @Override
    public List<String> catalogs() {
        return List.of(CATALOG);
    }

    @Override
    public List<String> databases(String catalog) {
        return catalog.equals(CATALOG) ? List.of(DATABASE) : List.of();
    }

    @Override
    public List<String> objects(String catalog, String database) {
        return catalog.equals(CATALOG) && database.equals(DATABASE) ? new ArrayList<>(objects.keySet()) : List.of();
    }

    @Override
    public Optional<CatalogObject> object(String catalog, String database, String name) {
        return objects(catalog, database).contains(name) ? Optional.of(objects.get(name)) : Optional.empty();
    }
}
