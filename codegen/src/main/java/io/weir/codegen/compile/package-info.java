/** The Janino compiler behind {@link io.weir.runtime.generated.GeneratedClass}, with its source-text cache. */
package io.weir.codegen.compile;
