package io.weir.runtime.connector;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;

/** Serializes a split with its position plus whether it is finished (the source operator's state entries). */
final class SplitStateSerializer<S extends SourceSplit> implements TypeSerializer<SplitStateSerializer.Entry<S>> {
    private final TypeSerializer<S> splitSerializer;

    SplitStateSerializer(TypeSerializer<S> splitSerializer) {
        this.splitSerializer = splitSerializer;
    }

    /** One split in state: its position and whether it is finished. */
    static final class Entry<S> {
        final S split;
        final boolean finished;

        Entry(S split, boolean finished) {
            this.split = split;
            this.finished = finished;
        }
    }

    @Override
    public void serialize(Entry<S> value, DataOutputView out) throws IOException {
        out.writeBoolean(value.finished);
        splitSerializer.serialize(value.split, out);
    }

    @Override
    public Entry<S> deserialize(DataInputView in) throws IOException {
        boolean finished = in.readBoolean();
        return new Entry<>(splitSerializer.deserialize(in), finished);
    }

    @Override
    public Entry<S> copy(Entry<S> value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }
}
