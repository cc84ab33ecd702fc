/** The runtime's namespace-aware view of keyed state; operators use the public interfaces in {@code io.weir.checkpoint.state}. */
package io.weir.checkpoint.state.internal;
