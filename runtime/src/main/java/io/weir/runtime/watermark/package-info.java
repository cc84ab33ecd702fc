/** Event time and watermark generation per source split, as the planner supplies it from {@code WATERMARK FOR}. */
package io.weir.runtime.watermark;
