/**
 * The planner's rules, one per class, all registered in {@link io.weir.planner.rules.PlannerRules}:
 * logical rewrites (Calcite's core rules), window aggregate recognition, projection push-down,
 * the physical converter rules, the unsupported-construct check and two-phase aggregation.
 */
package io.weir.planner.rules;
