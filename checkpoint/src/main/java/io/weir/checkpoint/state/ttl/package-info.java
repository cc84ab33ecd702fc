/** State time-to-live as decorators over any backend's states, storing values with their last access time. */
package io.weir.checkpoint.state.ttl;
