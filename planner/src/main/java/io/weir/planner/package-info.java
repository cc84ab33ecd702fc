/** The catalog, validation, optimisation and translation of SQL into runtime job graphs. */
package io.weir.planner;
