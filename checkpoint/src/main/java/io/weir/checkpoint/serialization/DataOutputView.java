package io.weir.checkpoint.serialization;

import java.io.DataOutput;
import java.io.IOException;

/** The sink serializers write into; a {@link DataOutput} that can also skip and copy raw bytes. */
public interface DataOutputView extends DataOutput {

    /** Copies {@code numBytes} bytes from {@code source} to this output. */
    void write(DataInputView source, int numBytes) throws IOException;
}
