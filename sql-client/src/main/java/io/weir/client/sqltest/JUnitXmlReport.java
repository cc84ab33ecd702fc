package io.weir.client.sqltest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes outcomes as a JUnit XML report (one test suite per file, one test case per record). */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    public static void write(Path target, List<SqlTestRunner.Outcome> outcomes) throws IOException {
        Map<Path, List<SqlTestRunner.Outcome>> byFile = new LinkedHashMap<>();
        for (SqlTestRunner.Outcome o : outcomes) {
            byFile.computeIfAbsent(o.file(), k -> new java.util.ArrayList<>()).add(o);
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("testsuites");
            for (Map.Entry<Path, List<SqlTestRunner.Outcome>> e : byFile.entrySet()) {
                List<SqlTestRunner.Outcome> os = e.getValue();
                x.writeStartElement("testsuite");
                x.writeAttribute("name", e.getKey().toString());
                x.writeAttribute("tests", String.valueOf(os.size()));
                x.writeAttribute("failures", String.valueOf(os.stream().filter(o -> !o.passed()).count()));
                x.writeAttribute("time", seconds(os.stream().mapToLong(SqlTestRunner.Outcome::millis).sum()));
                for (SqlTestRunner.Outcome o : os) {
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", e.getKey().toString());
                    x.writeAttribute("name", "line " + o.testCase().line() + ": " + firstLine(o.testCase().sql()));
                    x.writeAttribute("time", seconds(o.millis()));
                    if (!o.passed()) {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", firstLine(o.failure()));
                        x.writeCharacters(o.failure());
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException ex) {
            throw new IOException("cannot write JUnit report " + target + ": " + ex.getMessage(), ex);
        }
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
