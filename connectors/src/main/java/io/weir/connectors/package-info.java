/** Sources, sinks and formats behind the runtime's connector SPI. */
package io.weir.connectors;
