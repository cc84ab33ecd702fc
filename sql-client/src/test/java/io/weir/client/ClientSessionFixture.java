package io.weir.client;

import io.weir.checkpoint.config.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link Session} whose output a test reads statement by statement. */
final class ClientSessionFixture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final Session session;

    ClientSessionFixture() {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        this.session = new Session(new Configuration(), out, out);
    }

    /** Runs one statement and returns what it printed. */
    String execute(String sql) {
        int from = bytes.size();
        session.execute(sql);
        return bytes.toString(StandardCharsets.UTF_8).substring(from);
    }

    /** Runs an INSERT and returns the job id the client printed. */
    String submit(String insert) {
        String printed = execute(insert);
        Matcher m = Pattern.compile("Job ID: (\\S+)").matcher(printed);
        if (!m.find()) {
            throw new AssertionError("no job id in: " + printed);
        }
        return m.group(1);
    }

    @Override
    public void close() {
        session.close();
    }
}
