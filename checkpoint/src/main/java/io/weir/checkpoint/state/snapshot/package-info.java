/**
 * What a snapshot produces and how it is reassigned: stream factories (where bytes go), state
 * handles (inline bytes or files, with sizes and key-group offsets), and the redistribution of
 * keyed and operator state to a new parallelism.
 */
package io.weir.checkpoint.state.snapshot;
