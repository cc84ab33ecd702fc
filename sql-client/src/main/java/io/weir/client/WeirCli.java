package io.weir.client;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code weir} command's entry point. */
@Command(name = "weir", mixinStandardHelpOptions = true, versionProvider = WeirCli.Version.class,
    description = "Weir, a streaming SQL engine.")
public final class WeirCli implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WeirCli()).execute(args));
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
