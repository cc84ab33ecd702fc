package io.weir.connectors.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** How a format lays out whole files: readers that can resume at a {@link FilePosition}, and writers. */
public interface FileFormat {

    /** Opens {@code file} for reading, starting at {@code start} (use {@link FilePosition#START} for the beginning). */
    FileRecordReader openReader(Path file, FilePosition start) throws IOException;

    /** A writer of a new file into {@code out}; the writer owns and closes the stream. */
    FileRecordWriter openWriter(OutputStream out) throws IOException;

    /** The extension of files written in this format, e.g. {@code .json}. */
    String fileExtension();
}
