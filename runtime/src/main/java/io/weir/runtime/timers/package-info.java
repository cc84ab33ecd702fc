/** Keyed, namespaced event- and processing-time timers, snapshotted per key group. */
package io.weir.runtime.timers;
