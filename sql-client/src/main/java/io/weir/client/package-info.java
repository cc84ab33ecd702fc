/** The weir command: REPL, scripts, SQL test files. */
package io.weir.client;
