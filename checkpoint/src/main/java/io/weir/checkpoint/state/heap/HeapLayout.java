package io.weir.checkpoint.state.heap;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import java.io.IOException;

/**
 * How one heap state kind stores, copies, expires and (de)serializes its per-(key, namespace)
 * object {@code S} (a value, an {@code ArrayList} or a {@code HashMap}).
 */
interface HeapLayout<K, N, S> {

    /** A copy that may be mutated in place without changing {@code value} (for copy-on-write). */
    S copy(S value);

    /**
     * Without mutating {@code value}: null when all of it expired, {@code value} itself when
     * nothing did, otherwise a new object without the expired parts.
     */
    S removeExpired(S value, long now);

    /**
     * Writes the snapshot records of one entry (on the snapshot thread, with its own serializers).
     * The key buffer already holds the serialized key and namespace.
     */
    void writeRecords(K key, N namespace, S value, RecordOutput out) throws IOException;

    /** Folds one snapshot record into {@code current} (null if absent) and returns the entry to keep. */
    S restoreRecord(S current, DataInputDeserializer keyRest, byte[] value) throws IOException;

    /** A copy of this layout whose serializers may be used on another thread. */
    HeapLayout<K, N, S> duplicate();

    /** Where {@link #writeRecords} goes: scratch buffers and the record writer. */
    interface RecordOutput {
        DataOutputSerializer keyBuffer();

        DataOutputSerializer valueBuffer();

        /** Emits the record in the buffers; then clears the value and cuts the key back to key and namespace. */
        void emit() throws IOException;
    }
}
