package io.weir.connectors.format;

/**
 * A position inside one file from which a reader resumes: a byte offset at which a reader can
 * start (a line start, an Avro block's sync marker) plus the number of records to skip from there.
 * Line formats always use {@code recordsToSkip = 0}.
 */
public record FilePosition(long offset, long recordsToSkip) {
    public static final FilePosition START = new FilePosition(0, 0);

    @Override
    public String toString() {
        return recordsToSkip == 0 ? "offset " + offset : "offset " + offset + " + " + recordsToSkip + " records";
    }
}
