package io.weir.client.sqltest;

import java.util.List;

/**
 * One record of a SQL test file.
 *
 * @param kind what is checked
 * @param sql the statement or query
 * @param expectedError for {@link Kind#STATEMENT_ERROR}: text the error message must contain (may be empty)
 * @param expected for queries: the expected lines
 * @param line where the record starts in the file (1-based)
 */
public record TestCase(Kind kind, String sql, String expectedError, List<String> expected, int line) {

    /** The kinds of records. */
    public enum Kind {
        /** The statement must succeed. */
        STATEMENT_OK,
        /** The statement must fail, with a message containing {@code expectedError}. */
        STATEMENT_ERROR,
        /** The final rows of the query (the changelog applied), compared after sorting. */
        QUERY_ROWSORT,
        /** The final rows of the query, compared in order. */
        QUERY_ORDERED,
        /** The exact changelog of the query, compared in order. */
        QUERY_CHANGELOG,
        /** Writes its lines to the file {@code sql} under the run's {@code ${tmp}} directory. */
        INPUT
    }
}
