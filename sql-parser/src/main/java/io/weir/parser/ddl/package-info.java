/** Parsed DDL and session statements: CREATE/DROP TABLE and VIEW, SET, RESET, STOP JOB. */
package io.weir.parser.ddl;
