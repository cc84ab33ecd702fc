/** Operator (non-keyed) state, kept on the heap for both backend types. */
package io.weir.checkpoint.state.operator;
