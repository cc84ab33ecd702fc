package io.weir.client.print;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints results as boxed, right-aligned tables, like the Flink SQL client's tableau mode.
 *
 * <p>Static results (SHOW, DESCRIBE, SET) size each column to its content. Streaming results
 * ({@link #startStreaming}) fix the widths up front from the column types, print rows as they
 * arrive, and cut values that do not fit with {@code ...}.
 */
public final class TableauPrinter {
    private final PrintStream out;

    public TableauPrinter(PrintStream out) {
        this.out = out;
    }

    /** Prints a whole table, then "N rows in set" (or "Empty set"). */
    public void printStatic(List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.println("Empty set");
            return;
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i) == null ? 0 : r.get(i).length());
            }
        }
        String border = border(widths);
        out.println(border);
        out.println(line(header, widths));
        out.println(border);
        for (List<String> r : rows) {
            out.println(line(r, widths));
        }
        out.println(border);
        out.println(rows.size() == 1 ? "1 row in set" : rows.size() + " rows in set");
    }

    /** Starts a streaming table with fixed column widths; returns the sink for its rows. */
    public Streaming startStreaming(List<String> header, int[] minWidths) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(header.get(i).length(), minWidths[i]);
        }
        Streaming s = new Streaming(widths);
        out.println(s.border);
        out.println(line(header, widths));
        out.println(s.border);
        out.flush();
        return s;
    }

    /** The rows of a streaming table, printed as they come. */
    public final class Streaming {
        private final int[] widths;
        private final String border;
        private long count;

        private Streaming(int[] widths) {
            this.widths = widths;
            this.border = border(widths);
        }

        public void printRow(List<String> cells) {
            out.println(line(cells, widths));
            out.flush();
            count++;
        }

        /** Closes the box and prints how many rows were received. */
        public void finish() {
            out.println(border);
            out.println("Received a total of " + count + (count == 1 ? " row" : " rows"));
            out.flush();
        }

        public long count() {
            return count;
        }
    }

    private static String border(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.length() > widths[i]) {
                c = widths[i] <= 3 ? c.substring(0, widths[i]) : c.substring(0, widths[i] - 3) + "...";
            }
            sb.append(' ').append(" ".repeat(widths[i] - c.length())).append(c).append(" |");
        }
        return sb.toString();
    }
}
