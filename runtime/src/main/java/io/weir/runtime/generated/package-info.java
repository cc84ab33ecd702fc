/**
 * Contracts between runtime operators and the classes that {@code codegen/} generates.
 *
 * <p>The planner asks {@code codegen/} for a {@link io.weir.runtime.generated.GeneratedClass}
 * (name, Java source, constructor references); the job graph carries it to the task, where the
 * operator calls {@link io.weir.runtime.generated.GeneratedClass#newInstance(ClassLoader)} in its
 * {@code open}, then {@link io.weir.runtime.generated.GeneratedFunction#open(FunctionContext)}, and
 * then the per-row methods, all on the task thread. Instances are not thread-safe and are never
 * shared between subtasks.
 *
 * <p>No type here mentions Calcite or Janino: the compiler is found through the
 * {@link io.weir.runtime.generated.ClassCompiler} service.
 */
package io.weir.runtime.generated;
