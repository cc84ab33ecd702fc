package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.ttl.TtlFilter;
import io.weir.checkpoint.state.ttl.TtlValue;
import java.io.IOException;

/**
 * TTL expiry on a state's stored bytes by Weir's own timestamps and TTL clock: a value or map
 * entry starts with its timestamp (after the map's null flag); a list is filtered element by
 * element. Used by incremental cleanup and by snapshots; RocksDB's TTL compaction filter
 * ({@link RocksCompactionTtl}) also drops whole entries, by wall-clock write time.
 */
final class RocksTtlFilter {
    private final StateMeta.Layout layout;
    private final TtlFilter ttl;
    private final TypeSerializer<TtlValue<Object>> elementSerializer;

    @SuppressWarnings("unchecked")
    RocksTtlFilter(StateMeta.Layout layout, TtlFilter ttl, TypeSerializer<?> elementSerializer) {
        this.layout = layout;
        this.ttl = ttl;
        this.elementSerializer = (TypeSerializer<TtlValue<Object>>) elementSerializer;
    }

    /** A copy whose serializer may be used on another thread. */
    RocksTtlFilter duplicate() {
        return elementSerializer == null ? this : new RocksTtlFilter(layout, ttl, elementSerializer.duplicate());
    }

    TtlFilter ttl() {
        return ttl;
    }

    long now() {
        return ttl.now();
    }

    /** Null when everything expired, {@code value} itself when nothing did, else the bytes without expired elements. */
    byte[] filter(byte[] value, long now) throws IOException {
        switch (layout) {
            case VALUE:
                return ttl.isExpired(readLong(value, 0), now) ? null : value;
            case MAP:
                return ttl.isExpired(readLong(value, 1), now) ? null : value;
            default:
                return filterList(value, now);
        }
    }

    private byte[] filterList(byte[] value, long now) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(value);
        DataOutputSerializer out = new DataOutputSerializer(value.length);
        boolean dropped = false;
        int kept = 0;
        while (in.available() > 0) {
            TtlValue<Object> element = elementSerializer.deserialize(in);
            if (in.available() > 0) {
                in.readByte();
            }
            if (ttl.isExpired(element, now)) {
                dropped = true;
            } else {
                if (kept++ > 0) {
                    out.write(RocksListState.DELIMITER);
                }
                elementSerializer.serialize(element, out);
            }
        }
        return !dropped ? value : kept == 0 ? null : out.toByteArray();
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = off; i < off + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
