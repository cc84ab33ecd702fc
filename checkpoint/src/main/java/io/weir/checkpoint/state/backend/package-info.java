/**
 * What the keyed backends share: the abstract backend (current key, state registry, layering of
 * reducing/aggregating/TTL over value/list/map storage), the backend-independent full snapshot
 * format, and the asynchronous snapshot task.
 */
package io.weir.checkpoint.state.backend;
