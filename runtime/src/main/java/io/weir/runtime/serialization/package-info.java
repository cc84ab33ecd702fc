/** The compact binary row format (nulls bitmap, nested ROW / ARRAY / MAP) used for state, checkpoints and spilled data. */
package io.weir.runtime.serialization;
