package io.weir.connectors.it;

import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.testing.TestContexts;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SinkOperatorFactory;
import io.weir.runtime.connector.SourceOperatorFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.weir.connectors.format.FormatTestSupport.map;
import static org.junit.jupiter.api.Assertions.*;

/** Sources and sinks found by their factories and run by the runtime's local cluster. */
class ConnectorsOnLocalClusterIT {
    static final RowType T = RowType.of(new String[] {"id", "name", "ts"},
        new DataType[] {DataType.bigint(), DataType.string(), DataType.timestamp(3)});

    @TempDir
    Path dir;

    private final LocalCluster cluster = new LocalCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    private static ScanSource<?> source(String name, Map<String, String> options) {
        TableContext ctx = TestContexts.table(name, T, options);
        return FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
    }

    private static TableSink sink(String name, Map<String, String> options) {
        TableContext ctx = TestContexts.table(name, T, options);
        return FactoryUtil.discoverTableFactory(TableSinkFactory.class, ctx).createSink(ctx);
    }

    private void run(ScanSource<?> source, TableSink sink, int parallelism) throws Exception {
        JobGraph.Builder b = JobGraph.builder("copy");
        b.configuration(new Configuration().setString("pipeline.max-parallelism", "8"));
        int src = b.addVertex(SourceOperatorFactory.create("src", "src", source, null), parallelism, 8);
        int snk = b.addVertex(SinkOperatorFactory.create("sink", "sink", sink), parallelism, 8);
        b.connect(src, snk, Partitioner.REBALANCE);
        JobClient job = cluster.submit(b.build());
        assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));
    }

    private List<String> visibleLines(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            List<String> lines = new ArrayList<>();
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                .collect(Collectors.toList())) {
                lines.addAll(Files.readAllLines(p));
            }
            lines.sort(Comparator.naturalOrder());
            return lines;
        }
    }

    @Test
    void shouldCopyDatagenRowsIntoCommittedFilesAndReadThemBack() throws Exception {
        Map<String, String> gen = map("connector", "datagen", "rows-per-second", "0", "fields.id.kind", "sequence",
            "fields.id.start", "1", "fields.id.end", "500", "fields.name.length", "5", "seed", "7");
        Path out = dir.resolve("out");
        run(source("gen", gen), sink("files", map("connector", "filesystem", "path", out.toString(), "format", "json")), 2);
        List<String> lines = visibleLines(out);
        assertEquals(500, lines.size());

        Path copy = dir.resolve("copy");
        run(source("in", map("connector", "filesystem", "path", out.toString(), "format", "json")),
            sink("csv", map("connector", "filesystem", "path", copy.toString(), "format", "csv")), 2);
        List<String> csv = visibleLines(copy);
        assertEquals(500, csv.size());
        List<Long> ids = csv.stream().map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).sorted().collect(Collectors.toList());
        for (int i = 0; i < 500; i++) {
            assertEquals(i + 1L, ids.get(i));
        }
    }

    @Test
    void shouldRunTheNexmarkSourceIntoTheBlackhole() throws Exception {
        RowType bid = io.weir.connectors.nexmark.NexmarkFiles.flatType(io.weir.connectors.nexmark.NexmarkModel.BID_FIELDS);
        TableContext ctx = TestContexts.table("bid", bid, map("connector", "nexmark", "event.type", "bid",
            "events.num", "20000", "rate.limited", "false"));
        ScanSource<?> src = FactoryUtil.discoverTableFactory(TableSourceFactory.class, ctx).createSource(ctx);
        TableContext hole = TestContexts.table("hole", bid, map("connector", "blackhole"));
        run(src, FactoryUtil.discoverTableFactory(TableSinkFactory.class, hole).createSink(hole), 2);
        Row first = ((io.weir.connectors.generator.GeneratorSource) src).generator().generate(0, 0);
        assertNotNull(first.getField(0));
    }
}
