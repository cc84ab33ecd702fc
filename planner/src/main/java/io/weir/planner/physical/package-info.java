/**
 * Streaming physical nodes ({@code StreamPhysicalXxx}, convention {@code STREAM_PHYSICAL}), each
 * made by its {@code StreamPhysicalXxxRule} and documenting what its runtime operator needs.
 * Every node answers its changelog mode, unique keys and time attributes given its inputs'.
 */
package io.weir.planner.physical;
