package io.weir.client;

import io.weir.client.script.Statement;
import io.weir.client.script.StatementSplitter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the statements of a script file in order and stops at the first one that fails, printing
 * it with the error and the error's position in the file.
 */
public final class ScriptRunner {
    private final Session session;
    private final PrintStream out;
    private final PrintStream err;

    public ScriptRunner(Session session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    /** Runs a script file; returns true when every statement succeeded. */
    public boolean runFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("[ERROR] Script file not found: " + file);
            return false;
        } catch (IOException e) {
            err.println("[ERROR] Could not read script file " + file + ": " + e.getMessage());
            return false;
        }
        return run(file.toString(), text);
    }

    /** Runs script text; {@code source} names it in error messages. */
    public boolean run(String source, String text) {
        List<Statement> statements = StatementSplitter.split(text);
        for (Statement st : statements) {
            out.println("weir> " + st.text().replace("\n", "\n    > ") + ";");
            try {
                session.execute(st.text());
                out.println();
            } catch (StatementException e) {
                reportFailure(source, st, e);
                return false;
            }
        }
        return true;
    }

    private void reportFailure(String source, Statement st, StatementException e) {
        String where;
        if (e.hasPosition()) {
            int[] pos = st.toScriptPosition(e.line(), e.column());
            where = source + ":" + pos[0] + ":" + pos[1];
        } else {
            where = source + ":" + st.line() + ":" + st.column();
        }
        err.println("[ERROR] " + where + ": " + e.getMessage());
        err.println("in statement starting at line " + st.line() + ":");
        for (String l : st.text().split("\n", -1)) {
            err.println("  " + l);
        }
        if (session.isVerbose() && e.getCause() != null) {
            e.getCause().printStackTrace(err);
        }
        err.flush();
    }
}
