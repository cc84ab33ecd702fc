/** Statement sets: EXECUTE STATEMENT SET and the script markers BEGIN STATEMENT SET / END. */
package io.weir.parser.dml;
