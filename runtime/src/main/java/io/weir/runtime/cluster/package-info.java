/** The embedded local cluster: submitting job graphs, job status, cancellation, failures, metrics and checkpoint hooks. */
package io.weir.runtime.cluster;
