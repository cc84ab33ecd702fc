/** Everything that must survive a failure: the keyed-state API, state backends, snapshots, checkpoint storage and coordination. */
package io.weir.checkpoint;
