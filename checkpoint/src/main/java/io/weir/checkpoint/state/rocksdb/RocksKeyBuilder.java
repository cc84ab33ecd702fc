package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Builds RocksDB keys: {@code key group (2 bytes, big-endian) | key | namespace [| user key]}, so
 * that a key group is a contiguous range and a (key, namespace) a prefix. Serializers must be
 * self-delimiting, which makes the concatenation unambiguous. One per state, task thread only.
 */
final class RocksKeyBuilder<K, N> {
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<N> namespaceSerializer;
    private final DataOutputSerializer out = new DataOutputSerializer(64);

    RocksKeyBuilder(TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer) {
        this.keySerializer = keySerializer;
        this.namespaceSerializer = namespaceSerializer;
    }

    /** Starts a key: key group, key, namespace; returns this for {@link #build()} or {@link #buildWith}. */
    RocksKeyBuilder<K, N> start(int keyGroup, K key, N namespace) {
        out.clear();
        writeKeyGroup(out, keyGroup);
        try {
            keySerializer.serialize(key, out);
            namespaceSerializer.serialize(namespace, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize key " + key + " / namespace " + namespace, e);
        }
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    <UK> byte[] buildWith(TypeSerializer<UK> userKeySerializer, UK userKey) {
        int prefix = out.length();
        try {
            userKeySerializer.serialize(userKey, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize user key " + userKey, e);
        } finally {
            out.setPosition(prefix);
        }
    }

    static void writeKeyGroup(DataOutputSerializer out, int keyGroup) {
        out.writeShort(keyGroup);
    }

    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    static int readKeyGroup(byte[] key) {
        return ((key[0] & 0xff) << 8) | (key[1] & 0xff);
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
