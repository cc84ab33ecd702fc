package io.weir.client;

import io.weir.client.sqltest.JUnitXmlReport;
import io.weir.client.sqltest.SqlTestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weir test PATH...}: runs SQL test files (docs/sql-test-files.md); exit 1 on any failure. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run SQL test files (*.sqltest, or the files given); exit 1 if any record fails.")
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Test files, or directories searched for *.sqltest files.")
    List<Path> paths;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE.")
    Path junitXml;

    @Option(names = "-D", paramLabel = "key=value", description = "A configuration option for every test session.")
    Map<String, String> properties = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".sqltest")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                System.err.println("[ERROR] No such test file or directory: " + p);
                return 1;
            }
        }
        WeirCli.initialConfiguration(properties, null);
        SqlTestRunner runner = new SqlTestRunner(() -> WeirCli.initialConfiguration(properties, null), System.out);
        List<SqlTestRunner.Outcome> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(runner.runFile(f));
        }
        long failed = all.stream().filter(o -> !o.passed()).count();
        if (junitXml != null) {
            JUnitXmlReport.write(junitXml, all);
        }
        System.out.println((all.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 && !all.isEmpty() ? 0 : 1;
    }
}
