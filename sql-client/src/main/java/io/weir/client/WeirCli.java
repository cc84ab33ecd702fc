package io.weir.client;

import io.weir.client.config.ConfigRegistry;
import io.weir.checkpoint.config.Configuration;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code weir} command: the REPL by default, {@code -f} to run a script, {@code weir test} to
 * run SQL test files. Exit codes: 0 success, 1 a statement or test failed, 2 bad usage.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, versionProvider = WeirCli.Version.class,
    sortOptions = false,
    description = "Weir, a streaming SQL engine. Runs the interactive shell unless -f is given.",
    subcommands = {TestCommand.class})
public final class WeirCli implements Callable<Integer> {

    @Option(names = "-f", paramLabel = "script.sql", description = "Run the statements of this file in order and exit; stop at the first failing statement (exit 1).")
    Path script;

    @Option(names = "-i", paramLabel = "init.sql", description = "Run this file first (before the shell or the -f script).")
    Path init;

    @Option(names = "-D", paramLabel = "key=value", description = "Set a configuration option, as SET 'key' = 'value' would.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "-s", paramLabel = "path", description = "Restore jobs from this checkpoint or savepoint (sets execution.state-recovery.path).")
    String restorePath;

    private final PrintStream out;
    private final PrintStream err;

    public WeirCli() {
        this(System.out, System.err);
    }

    WeirCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Configuration config;
        try {
            config = initialConfiguration(properties, restorePath);
        } catch (IllegalArgumentException e) {
            err.println("[ERROR] " + e.getMessage());
            return 1;
        }
        try (Session session = new Session(config, out, err)) {
            ScriptRunner runner = new ScriptRunner(session, out, err);
            if (init != null && !runner.runFile(init)) {
                return 1;
            }
            if (script != null) {
                boolean ok = runner.runFile(script);
                // jobs run inside this process: a script's INSERTs must finish before it exits
                return ok && session.awaitSubmittedJobs() ? 0 : 1;
            }
            return new Repl(session).run();
        }
    }

    /** The session configuration from {@code -D} pairs and {@code -s}, validated against the known keys. */
    static Configuration initialConfiguration(Map<String, String> properties, String restorePath) {
        ConfigRegistry registry = ConfigRegistry.standard();
        Configuration config = new Configuration();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            registry.validate(e.getKey(), e.getValue());
            config.setString(e.getKey(), e.getValue());
        }
        if (restorePath != null) {
            config.setString(io.weir.checkpoint.CheckpointingOptions.STATE_RECOVERY_PATH.key(), restorePath);
        }
        ConfigRegistry.validateCombination(config);
        return config;
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new WeirCli(out, err));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Reads the version from the jar manifest, falling back to the build's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WeirCli.class.getPackage().getImplementationVersion();
            return new String[] {"weir " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
