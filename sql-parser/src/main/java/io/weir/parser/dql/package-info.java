/** Parsed inspection statements: SHOW ..., DESCRIBE, EXPLAIN. */
package io.weir.parser.dql;
