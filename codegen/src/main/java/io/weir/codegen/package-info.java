/** Turns Calcite expressions and aggregate calls into Java source and compiles it with Janino. */
package io.weir.codegen;
