package io.weir.planner.schema;

import io.weir.planner.calcite.PlannerContext;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calcite schemas over a {@link CatalogAccess}: one schema per catalog, a sub-schema per
 * database, and in it a {@link SourceTable} per table and a {@link ViewTable} per view.
 */
public final class CatalogSchemas {
    private CatalogSchemas() {
    }

    /** Adds every catalog of {@code catalog} under {@code root}. */
    public static void register(SchemaPlus root, CatalogAccess catalog, PlannerContext context) {
        for (String name : catalog.catalogs()) {
            root.add(name, new CatalogSchema(catalog, name, context));
        }
    }

    private static final class CatalogSchema extends AbstractSchema {
        private final CatalogAccess catalog;
        private final String name;
        private final PlannerContext context;

        CatalogSchema(CatalogAccess catalog, String name, PlannerContext context) {
            this.catalog = catalog;
            this.name = name;
            this.context = context;
        }

        @Override
        protected Map<String, Schema> getSubSchemaMap() {
            Map<String, Schema> dbs = new LinkedHashMap<>();
            for (String db : catalog.databases(name)) {
                dbs.put(db, new DatabaseSchema(catalog, name, db, context));
            }
            return dbs;
        }
    }

    private static final class DatabaseSchema extends AbstractSchema {
        private final CatalogAccess catalog;
        private final String catalogName;
        private final String database;
        private final PlannerContext context;
        private Map<String, Table> tables;

        DatabaseSchema(CatalogAccess catalog, String catalogName, String database, PlannerContext context) {
            this.catalog = catalog;
            this.catalogName = catalogName;
            this.database = database;
            this.context = context;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            if (tables == null) {
                tables = new LinkedHashMap<>();
                for (String name : catalog.objects(catalogName, database)) {
                    catalog.object(catalogName, database, name).ifPresent(o -> tables.put(name, toTable(o)));
                }
            }
            return tables;
        }

        private Table toTable(CatalogObject o) {
            if (o instanceof TableDescriptor) {
                return new SourceTable((TableDescriptor) o, context);
            }
            return new ViewTable((ViewDescriptor) o, context);
        }
    }
}
