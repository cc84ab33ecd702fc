/**
 * Row-at-a-time expression classes (Calc, Projection, Predicate, JoinCondition, WatermarkExpression,
 * KeyProjection, RecordComparator) generated from Calcite {@code RexNode}s with Calcite's own
 * {@code RexToLixTranslator}.
 */
package io.weir.codegen.expr;
