package io.weir.connectors.format;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.data.Row;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers shared by the format tests: options, writing and reading whole files. */
public final class FormatTestSupport {
    private FormatTestSupport() {
    }

    public static Configuration options(String... keyValues) {
        Configuration c = new Configuration();
        for (int i = 0; i < keyValues.length; i += 2) {
            c.setString(keyValues[i], keyValues[i + 1]);
        }
        return c;
    }

    public static FormatFactory format(String id) {
        return Formats.find("t", id);
    }

    public static List<Row> decode(RowDecoder decoder, String record) {
        List<Row> out = new ArrayList<>();
        byte[] b = record.getBytes(StandardCharsets.UTF_8);
        decoder.decode(b, 0, b.length, out::add);
        return out;
    }

    public static String encode(RowEncoder encoder, Row row) {
        return new String(encoder.encode(row), StandardCharsets.UTF_8);
    }

    public static void writeFile(FileFormat format, Path file, List<Row> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); FileRecordWriter w = format.openWriter(out)) {
            for (Row r : rows) {
                w.write(r);
            }
        }
    }

    public static List<Row> readFile(FileFormat format, Path file, FilePosition from) throws IOException {
        List<Row> out = new ArrayList<>();
        try (FileRecordReader r = format.openReader(file, from)) {
            while (r.readNext(out::add)) {
                // keep reading
            }
        }
        return out;
    }

    public static Map<String, String> map(String... kv) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
