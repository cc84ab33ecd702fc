/** JMH micro-benchmarks and the Nexmark driver; never part of the default build. */
package io.weir.benchmarks;
