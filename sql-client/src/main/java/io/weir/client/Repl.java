package io.weir.client;

import io.weir.client.script.Statement;
import io.weir.client.script.StatementSplitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: statements may span lines and end with {@code ;}; history is kept in
 * {@code ~/.weir_history}; Ctrl-C while typing discards the statement, Ctrl-C while a statement
 * runs cancels that statement (not the shell); Ctrl-D or {@code QUIT;} / {@code EXIT;} leaves.
 */
public final class Repl {
    static final String PROMPT = "weir> ";
    static final String CONTINUATION = "    > ";

    private final Session session;

    public Repl(Session session) {
        this.session = session;
    }

    /** Runs until the user leaves; returns the process exit code. */
    public int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("weir").system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("weir")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
            PrintWriter out = terminal.writer();
            out.println("Weir SQL client. End statements with ';'. Type HELP; for help, QUIT; or Ctrl-D to leave.");
            out.flush();
            while (true) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C while typing: drop the statement
                } catch (EndOfFileException e) {
                    out.println();
                    out.flush();
                    return 0;
                }
                for (Statement st : StatementSplitter.split(input)) {
                    if (isQuit(st.text())) {
                        return 0;
                    }
                    runOne(terminal, st);
                }
            }
        }
    }

    private void runOne(Terminal terminal, Statement st) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> session.cancelRunning());
        try {
            session.execute(st.text());
        } catch (StatementException e) {
            String where = e.hasPosition() ? " (line " + e.line() + ", column " + e.column() + ")" : "";
            session.err().println("[ERROR] " + e.getMessage() + where);
            if (session.isVerbose() && e.getCause() != null) {
                e.getCause().printStackTrace(session.err());
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            session.out().flush();
            session.err().flush();
        }
    }

    static boolean isQuit(String statement) {
        String s = statement.trim().toUpperCase(Locale.ROOT);
        return s.equals("QUIT") || s.equals("EXIT");
    }

    private static Path historyFile() {
        return Paths.get(System.getProperty("user.home"), ".weir_history");
    }

    /** Accepts a line only once the buffer ends in a complete statement (a top-level ';'). */
    static final class StatementParser implements Parser {
        private final DefaultParser words = new DefaultParser();

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
            if (context == ParseContext.ACCEPT_LINE) {
                StatementSplitter.Split s = StatementSplitter.scan(line);
                if (!s.remainderIsBlank()) {
                    throw new EOFError(-1, -1, "statement not finished with ';'");
                }
            }
            return words.parse(line, cursor, context);
        }
    }

    /** The statements a buffer holds, for tests of multi-line input. */
    static List<Statement> statementsOf(String buffer) {
        return StatementSplitter.split(buffer);
    }
}
