package io.weir.checkpoint.serialization;

import java.io.IOException;

/**
 * Turns values of one type into bytes and back. State backends and checkpoints see only bytes;
 * every type that is kept in state or crosses a process has a serializer.
 *
 * <p>Serializers are stateless unless {@link #duplicate()} says otherwise, so one instance may be
 * shared by the threads of a job. {@code runtime/}'s row serializers implement this interface.
 *
 * @param <T> the type of the values
 */
public interface TypeSerializer<T> {

    /** Writes {@code value}, which may be null only if the serializer supports nulls. */
    void serialize(T value, DataOutputView out) throws IOException;

    /** Reads one value written by {@link #serialize}. */
    T deserialize(DataInputView in) throws IOException;

    /**
     * A deep copy of {@code value}, so that a copy-on-write backend can hand out a value that the
     * caller may mutate without changing a snapshot. Immutable types return the value itself.
     */
    T copy(T value);

    /** True when values of this type are never mutated once created (copy may return the value itself). */
    default boolean isImmutableType() {
        return false;
    }

    /** An instance safe to use from another thread (the same instance if this one is stateless). */
    default TypeSerializer<T> duplicate() {
        return this;
    }

    /**
     * Identifies the byte format this serializer writes; snapshots record it per state, and a
     * restore fails when a state is declared again with a serializer of another identity. The
     * default is the class name; serializers whose format depends on configuration (a row
     * serializer's field types, a nested element serializer) include it, and serializers that
     * write the same bytes (e.g. generated and interpreted ones) return the same identity.
     */
    default String snapshotIdentity() {
        return getClass().getName();
    }

    /** Serializes into a fresh byte array. */
    default byte[] serializeToBytes(T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serialize(value, out);
        return out.toByteArray();
    }

    /** Deserializes from a byte array written by {@link #serializeToBytes}. */
    default T deserializeFromBytes(byte[] bytes) throws IOException {
        return deserialize(new DataInputDeserializer(bytes));
    }
}
