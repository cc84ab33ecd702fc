package io.weir.benchmarks.nexmark;

import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.nexmark.NexmarkConfig;
import io.weir.connectors.nexmark.NexmarkFiles;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.LocalCluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weir-bench nexmark}: runs Nexmark queries through Weir's planner and local cluster on a
 * pre-warmed JVM and prints one line per query. {@code weir-bench nexmark-files DIR --events N}
 * writes the NDJSON input that {@code --input json DIR} reads.
 *
 * <p>A query's {@code seconds} is the job runtime, from submission (planning is done before) to the
 * end of the job (its bounded input consumed and every operator finished), so it includes starting
 * the tasks and compiling their generated classes; events/s is the number of Nexmark events in the
 * input divided by it, as issue 9 defines it. {@code s-1st} is measured from the first record seen in
 * the job's metrics instead; it is a lower bound only, since the task threads publish their record
 * counters without synchronization and the monitor may see the first record late.
 */
@Command(name = "weir-bench", mixinStandardHelpOptions = true, subcommands = {
    NexmarkBench.Run.class, NexmarkBench.WriteFiles.class},
    description = "Weir's benchmark runner.")
public final class NexmarkBench implements Callable<Integer> {
    /** The generator options of ddl-gen.sql, so that the NDJSON files hold the same events. */
    static final Map<String, String> GENERATOR_OPTIONS = Map.of(
        "first-event.rate", "10000000", "next-event.rate", "10000000",
        "person.proportion", "2", "auction.proportion", "6", "bid.proportion", "92", "rate.limited", "false");

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new NexmarkBench());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (!(e instanceof IllegalArgumentException || e instanceof BenchmarkException)) {
                throw e;
            }
            System.err.println("[ERROR] " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    static NexmarkConfig generatorConfig(long events) {
        Configuration c = new Configuration();
        GENERATOR_OPTIONS.forEach(c::setString);
        c.setString("events.num", Long.toString(events));
        return NexmarkConfig.from(c);
    }

    /** {@code nexmark}: run queries and print their figures. */
    @Command(name = "nexmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run Nexmark queries and print events/s, per core, peak heap and RSS per query.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--query", paramLabel = "q5|all|gen-only", description = "a query (q0..q22, groupby_count, tumble_count), a comma-separated list, 'all' or 'gen-only' (default: all)")
        String query = "all";

        @Option(names = "--events", paramLabel = "N", description = "Nexmark events per run (default: 1000000); ignored with --input json (the files' event count is used)")
        long events = 1_000_000;

        @Option(names = "--parallelism", paramLabel = "P", description = "parallelism.default (default: 2)")
        int parallelism = 2;

        @Option(names = "--checkpoint-interval", paramLabel = "D", description = "execution.checkpointing.interval, e.g. 10s: exactly-once checkpoints into a temporary directory (incremental with rocksdb); default: none")
        String checkpointInterval;

        @Option(names = "--state-backend", paramLabel = "hashmap|rocksdb", description = "state.backend.type (default: hashmap)")
        String stateBackend = "hashmap";

        @Option(names = "--input", arity = "2", paramLabel = "json DIR", description = "read person.json, auction.json, bid.json from DIR instead of the built-in generator")
        List<String> input;

        @Option(names = "--runs", paramLabel = "R", description = "measured runs per query; the line shows the median (default: 1)")
        int runs = 1;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "per run: a job still running after this is cancelled and its query reported as NOT RUN (default: 1800)")
        long timeoutSeconds = 1800;

        @Option(names = "--warmup-events", paramLabel = "N", description = "events of the warm-up run of each query on the generator (default: 500000; 0 skips it)")
        long warmupEvents = 500_000;

        @Option(names = "-D", paramLabel = "key=value", description = "any other engine option, e.g. -Dexecution.batch-size=1024")
        Map<String, String> options = new java.util.LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            Path jsonDir = jsonDir();
            long inputEvents = jsonDir == null ? events : countEvents(jsonDir);
            List<String> queries = queries();
            printHeader(jsonDir, inputEvents);
            if (queries.equals(List.of("gen-only"))) {
                return genOnly();
            }
            int failed = 0;
            try (LocalCluster cluster = new LocalCluster()) {
                for (String q : queries) {
                    failed += runQuery(cluster, q, jsonDir, inputEvents) ? 0 : 1;
                }
            }
            return failed == 0 ? 0 : 1;
        }

        private Path jsonDir() {
            if (input == null) {
                return null;
            }
            if (!input.get(0).equalsIgnoreCase("json")) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                    "--input: unsupported format '" + input.get(0) + "'; only 'json DIR' is supported");
            }
            Path dir = Path.of(input.get(1));
            for (String f : List.of("person.json", "auction.json", "bid.json")) {
                if (!Files.isRegularFile(dir.resolve(f))) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "--input json " + dir + ": missing " + f
                        + " (write the files with: weir-bench nexmark-files " + dir + " --events N)");
                }
            }
            return dir.toAbsolutePath();
        }

        private List<String> queries() {
            if (query.equalsIgnoreCase("all")) {
                return NexmarkQueries.ALL;
            }
            if (query.equalsIgnoreCase("gen-only")) {
                return List.of("gen-only");
            }
            List<String> names = Arrays.asList(query.toLowerCase(Locale.ROOT).split(","));
            names.forEach(NexmarkQueries::text);
            return names;
        }

        private void printHeader(Path jsonDir, long inputEvents) {
            System.out.printf("# weir-bench nexmark: input=%s events=%d parallelism=%d state-backend=%s checkpointing=%s runs=%d"
                    + " cores=%d jdk=%s maxHeap=%dMB%n",
                jsonDir == null ? "generator" : "json " + jsonDir, inputEvents, parallelism, stateBackend,
                checkpointInterval == null ? "off" : checkpointInterval,
                runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("%-14s %-9s %-8s %2s %10s %8s %7s %11s %10s %7s %8s %8s %6s %9s %6s %s%n", "query", "input",
                "backend", "P", "events", "seconds", "s-1st", "events/s", "per-core", "cpu%", "heapMB", "rssMB", "ckpts",
                "ckpt-med", "load1", "runs(s)");
            System.out.flush();
        }

        private int genOnly() throws InterruptedException {
            GeneratorCeiling.run(Math.min(events, 2_000_000), parallelism, generatorConfig(events)); // warm-up
            double[] secs = new double[runs];
            com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double cpuShare = 0;
            for (int i = 0; i < runs; i++) {
                long cpuBefore = os.getProcessCpuTime();
                secs[i] = GeneratorCeiling.run(events, parallelism, generatorConfig(events));
                cpuShare += (os.getProcessCpuTime() - cpuBefore) / 1e9 / secs[i];
            }
            double median = median(secs);
            printLine("gen-only", "generator", "-", events, median, median, cpuShare / runs, 0, JobMonitor.rssBytes(), secs, null);
            return 0;
        }

        private boolean runQuery(LocalCluster cluster, String q, Path jsonDir, long inputEvents) throws Exception {
            try {
                if (warmupEvents > 0) {
                    runOnce(cluster, q, null, warmupEvents);
                }
                double[] secs = new double[runs];
                double[] firstRecord = new double[runs];
                JobMonitor.Measurement last = null;
                double cpu = 0;
                List<Long> checkpoints = new ArrayList<>();
                long heap = 0;
                long rss = 0;
                for (int i = 0; i < runs; i++) {
                    last = runOnce(cluster, q, jsonDir, inputEvents);
                    secs[i] = last.secondsFromSubmit();
                    firstRecord[i] = last.seconds();
                    cpu += last.cpuSeconds() / last.secondsFromSubmit();
                    heap = Math.max(heap, last.peakHeap());
                    checkpoints.addAll(last.checkpointMillis());
                    rss = Math.max(rss, last.peakRss());
                }
                printLine(q, jsonDir == null ? "generator" : "json", stateBackend, inputEvents, median(secs),
                    median(firstRecord), cpu / runs, heap, rss, secs, checkpoints);
                return true;
            } catch (RuntimeException e) {
                // one query that cannot run must not stop the suite; the line names the reason
                System.out.printf("%-14s NOT RUN: %s%n", q, oneLine(e));
                System.out.flush();
                return false;
            }
        }

        private JobMonitor.Measurement runOnce(LocalCluster cluster, String q, Path jsonDir, long n) throws Exception {
            System.gc();
            String query = NexmarkQueries.substitute(NexmarkQueries.text(q), Map.of("side_input", sideInput().toString()));
            JobClient job = new SqlJobSubmitter(configuration()).submit(List.of(
                new SqlJobSubmitter.Script(jsonDir == null ? "ddl-gen.sql" : "ddl-json.sql", inputDdl(jsonDir, n)),
                new SqlJobSubmitter.Script(q + ".sql", query)), cluster);
            try {
                return new JobMonitor(job, timeoutSeconds).await();
            } finally {
                job.cancel();
            }
        }

        private static String inputDdl(Path jsonDir, long events) {
            if (jsonDir == null) {
                return NexmarkQueries.substitute(NexmarkQueries.text("ddl-gen"), Map.of("events", Long.toString(events)));
            }
            return NexmarkQueries.substitute(NexmarkQueries.text("ddl-json"), Map.of("dir", jsonDir.toString()));
        }

        private static Path checkpointDir() {
            return Path.of(System.getProperty("java.io.tmpdir"), "weir-bench-checkpoints");
        }

        /** q13's side table: keys 0..9999, each with a short value, as Nexmark's side_input.txt. */
        private static Path sideInput() throws IOException {
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "weir-bench-side-input.csv");
            if (!Files.exists(file)) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < 10_000; k++) {
                    sb.append(k).append(',').append("value-").append(k).append('\n');
                }
                Files.writeString(file, sb);
            }
            return file;
        }

        private Configuration configuration() {
            Configuration c = new Configuration();
            c.setString("parallelism.default", Integer.toString(parallelism));
            c.setString("state.backend.type", stateBackend);
            c.setString("table.local-time-zone", "UTC");
            if (checkpointInterval != null) {
                c.setString("execution.checkpointing.interval", checkpointInterval);
                c.setString("execution.checkpointing.dir", checkpointDir().toUri().toString());
                c.setString("execution.checkpointing.incremental", Boolean.toString(stateBackend.equalsIgnoreCase("rocksdb")));
            }
            options.forEach(c::setString);
            return c;
        }

        private void printLine(String q, String in, String backend, long n, double seconds, double firstRecordSeconds,
                               double cpuShare,
                               long heap, long rss, double[] all, List<Long> checkpoints) {
            double rate = n / seconds;
            int cores = Runtime.getRuntime().availableProcessors();
            StringBuilder runsText = new StringBuilder();
            for (double s : all) {
                runsText.append(runsText.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", s));
            }
            System.out.printf(Locale.ROOT, "%-14s %-9s %-8s %2d %10d %8.2f %7.2f %11.0f %10.0f %7s %8d %8d %6s %9s %6.2f %s%n",
                q, in, backend, parallelism, n, seconds, firstRecordSeconds, rate, rate / cores,
                Double.isNaN(cpuShare) ? "-" : String.format(Locale.ROOT, "%.0f", cpuShare * 100), heap >> 20, rss >> 20,
                checkpoints == null || checkpointInterval == null ? "n/a" : String.format(Locale.ROOT, "%.1f", checkpoints.size() / (double) all.length),
                checkpoints == null || checkpoints.isEmpty() ? "n/a" : medianMillis(checkpoints) + "ms", loadAverage(), runsText);
            System.out.flush();
        }
    }

    /** {@code nexmark-files}: write the NDJSON input of {@code --input json DIR}. */
    @Command(name = "nexmark-files", mixinStandardHelpOptions = true,
        description = "Write person.json, auction.json and bid.json (the events of the built-in generator) into DIR.")
    static final class WriteFiles implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--events", paramLabel = "N", description = "events to write (default: 1000000)")
        long events = 1_000_000;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            long[] counts = NexmarkFiles.write(dir, events, generatorConfig(events));
            System.out.printf("wrote %d persons, %d auctions, %d bids to %s in %.1f s%n", counts[0], counts[1], counts[2],
                dir, (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static long medianMillis(List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        java.util.Collections.sort(v);
        return v.get(v.size() / 2);
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Lines in the three NDJSON files: the number of events they hold. */
    static long countEvents(Path dir) throws IOException {
        long n = 0;
        for (String f : List.of("person.json", "auction.json", "bid.json")) {
            try (InputStream in = Files.newInputStream(dir.resolve(f))) {
                byte[] buf = new byte[1 << 16];
                for (int r = in.read(buf); r > 0; r = in.read(buf)) {
                    for (int i = 0; i < r; i++) {
                        n += buf[i] == '\n' ? 1 : 0;
                    }
                }
            }
        }
        return n;
    }

    private static String weirFrame(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith("io.weir.") && !f.getClassName().startsWith("io.weir.benchmarks.")) {
                return " (at " + f + ")";
            }
        }
        return "";
    }

    static String oneLine(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
            String m = t instanceof BenchmarkException ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage()
                + weirFrame(t);
            if (m != null && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return String.join(" / caused by: ", parts).replaceAll("\\s+", " ");
    }
}
