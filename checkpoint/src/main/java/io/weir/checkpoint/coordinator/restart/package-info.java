/**
 * Restart strategies ({@code restart-strategy.*}) as pure policies: told of each failure and its
 * time, they decide to restart after a delay or to give up. The runtime's failover applies them.
 */
package io.weir.checkpoint.coordinator.restart;
