package io.weir.client.script;

/**
 * One statement of a script, without its terminating semicolon, and where it starts in the
 * script (1-based line and column of its first character), so that errors can be reported
 * against the file the user wrote.
 */
public record Statement(String text, int line, int column) {

    /** Translates a position inside this statement (1-based) to a position in the script. */
    public int[] toScriptPosition(int lineInStatement, int columnInStatement) {
        if (lineInStatement <= 1) {
            return new int[] {line, column + columnInStatement - 1};
        }
        return new int[] {line + lineInStatement - 1, columnInStatement};
    }
}
