/** Weir's logical nodes besides Calcite's: source scan, watermark assigner, window aggregate, sink. */
package io.weir.planner.logical;
