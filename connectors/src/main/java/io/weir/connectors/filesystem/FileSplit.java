package io.weir.connectors.filesystem;

import io.weir.connectors.format.FilePosition;
import io.weir.runtime.connector.SourceSplit;

/**
 * One file of a filesystem source with the position to continue from: the position of a record
 * in the file plus how many rows of that record were already emitted (a changelog record can
 * decode into two rows, and a checkpoint may fall between them).
 */
public record FileSplit(String path, FilePosition position, int rowsToSkip) implements SourceSplit {

    public static FileSplit atStart(String path) {
        return new FileSplit(path, FilePosition.START, 0);
    }

    @Override
    public String splitId() {
        return path;
    }
}
