/** Flink data type syntax that Calcite lacks: nested types whose parts carry their own nullability. */
package io.weir.parser.type;
