/**
 * The planner's view of the catalog ({@link io.weir.planner.schema.CatalogAccess}) and the Calcite
 * schema over it: tables expand into source scan, computed columns and watermark; views into
 * their query.
 */
package io.weir.planner.schema;
