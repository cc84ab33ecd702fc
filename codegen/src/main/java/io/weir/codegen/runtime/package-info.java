/** Helpers that generated classes call at run time (row access, aggregate state, Calcite's DataContext). */
package io.weir.codegen.runtime;
