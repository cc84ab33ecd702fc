/** Weir's SQL parser: Calcite's grammar extended with the Flink SQL dialect's DDL and utility statements. */
package io.weir.parser;
