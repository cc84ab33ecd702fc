/** The dataflow runtime: rows and types, operators, tasks, channels, watermarks, timers, the job graph and the local cluster. */
package io.weir.runtime;
