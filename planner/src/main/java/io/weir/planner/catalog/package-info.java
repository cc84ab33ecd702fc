/**
 * The session catalog ({@link io.weir.planner.catalog.InMemoryCatalog}): tables and views as DDL declares
 * them, validated at CREATE, rendered for DESCRIBE and SHOW CREATE, and read by the planner through
 * {@link io.weir.planner.schema.CatalogAccess}.
 */
package io.weir.planner.catalog;
