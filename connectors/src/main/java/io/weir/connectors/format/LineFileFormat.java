package io.weir.connectors.format;

import io.weir.runtime.data.Row;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Files of one record per line ({@code \n} or {@code \r\n}), as written by json, csv and
 * debezium-json; for csv a line break inside a quoted field belongs to the record. A position is the byte offset of the next line. Thread-safe: every reader and
 * writer gets its own decoder or encoder from the suppliers.
 */
public final class LineFileFormat implements FileFormat {
    private final Supplier<RowDecoder> decoder;
    private final Supplier<RowEncoder> encoder;
    private final String extension;
    private final int quote;
    private final int comment;

    public LineFileFormat(Supplier<RowDecoder> decoder, Supplier<RowEncoder> encoder, String formatIdentifier) {
        this(decoder, encoder, formatIdentifier, -1, -1);
    }

    /**
     * @param quote   a character inside which line breaks belong to the record (CSV), or -1
     * @param comment a character that starts a comment line in which quotes mean nothing, or -1
     */
    public LineFileFormat(Supplier<RowDecoder> decoder, Supplier<RowEncoder> encoder, String formatIdentifier,
                          int quote, int comment) {
        this.decoder = decoder;
        this.encoder = encoder;
        this.extension = "." + formatIdentifier.replace("debezium-json", "json");
        this.quote = quote;
        this.comment = comment;
    }

    @Override
    public FileRecordReader openReader(Path file, FilePosition start) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(start.offset());
        return new LineReader(file, Channels.newInputStream(ch), start.offset(), decoder.get(), quote, comment);
    }

    @Override
    public FileRecordWriter openWriter(OutputStream out) {
        return new LineWriter(out, encoder.get());
    }

    @Override
    public String fileExtension() {
        return extension;
    }

    /** Splits a stream into lines without decoding characters; hands each line's bytes to the decoder. */
    static final class LineReader implements FileRecordReader {
        private final Path file;
        private final InputStream in;
        private final RowDecoder decoder;
        private final long startOffset;
        private final int quote;
        private final int comment;
        private byte[] buf = new byte[64 * 1024];
        private int pos;
        private int limit;
        private long bufferStartOffset;
        private long lineIndex;
        private long skippedBefore;

        LineReader(Path file, InputStream in, long startOffset, RowDecoder decoder, int quote, int comment) {
            this.quote = quote;
            this.comment = comment;
            this.file = file;
            this.in = in;
            this.startOffset = startOffset;
            this.bufferStartOffset = startOffset;
            this.decoder = decoder;
            this.skippedBefore = decoder.skippedRecords();
        }

        @Override
        public boolean readNext(Consumer<Row> out) throws IOException {
            while (true) {
                int nl = indexOfNewline();
                int lineEnd;
                int next;
                if (nl >= 0) {
                    lineEnd = nl;
                    next = nl + 1;
                } else if (fill()) {
                    continue;
                } else if (pos < limit) {
                    lineEnd = limit; // last line without a newline
                    next = limit;
                } else {
                    return false;
                }
                int lineStart = pos;
                if (lineEnd > lineStart && buf[lineEnd - 1] == '\r') {
                    lineEnd--;
                }
                long lineOffset = bufferStartOffset + lineStart;
                pos = next;
                lineIndex++;
                if (lineEnd == lineStart) {
                    continue; // blank lines carry no record
                }
                try {
                    decoder.decode(buf, lineStart, lineEnd - lineStart, out);
                } catch (MalformedRecordException e) {
                    throw e.withLocation(location(lineOffset));
                }
                return true;
            }
        }

        private String location(long lineOffset) {
            return startOffset == 0
                ? "file " + file + ", line " + lineIndex + " (byte offset " + lineOffset + ")"
                : "file " + file + ", byte offset " + lineOffset;
        }

        /** The end of the record starting at {@code pos}: the next line break outside quotes, or -1 if not buffered yet. */
        private int indexOfNewline() {
            boolean quoted = false;
            boolean quotesCount = quote >= 0 && !(pos < limit && buf[pos] == comment);
            for (int i = pos; i < limit; i++) {
                byte b = buf[i];
                if (b == '\n' && !quoted) {
                    return i;
                }
                if (quotesCount && b == quote) {
                    quoted = !quoted;
                }
            }
            return -1;
        }

        /** Moves the unread tail to the front and reads more; false at end of stream. */
        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                bufferStartOffset += pos;
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n <= 0) {
                return false;
            }
            limit += n;
            return true;
        }

        @Override
        public FilePosition position() {
            return new FilePosition(bufferStartOffset + pos, 0);
        }

        @Override
        public long skippedRecords() {
            return decoder.skippedRecords() - skippedBefore;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes one encoded record per line. */
    static final class LineWriter implements FileRecordWriter {
        private final CountingOutputStream out;
        private final RowEncoder encoder;

        LineWriter(OutputStream out, RowEncoder encoder) {
            this.out = new CountingOutputStream(new BufferedOutputStream(out, 64 * 1024));
            this.encoder = encoder;
        }

        @Override
        public void write(Row row) throws IOException {
            encoder.encode(row, out);
            out.write('\n');
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public long bytesWritten() {
            return out.count();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
