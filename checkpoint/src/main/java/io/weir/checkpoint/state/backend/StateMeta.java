package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.checkpoint.state.StateDescriptor;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a snapshot records about one keyed state: its name, its kind, its TTL in milliseconds (0 =
 * none; values of TTL states carry timestamps) and the identity of each serializer its bytes
 * depend on ({@link TypeSerializer#snapshotIdentity()}, in the order of {@link #serializerRoles()}).
 * The kind decides the layout of its records: LIST states store element lists, MAP states one
 * record per user entry, all others one value.
 *
 * <p>A restored state must be declared again with the same kind, TTL on or off (its duration may
 * change) and serializer identities; {@link #checkCompatible} names what differs.
 */
public record StateMeta(String name, StateDescriptor.Type type, long ttlMillis, List<String> serializers) {

    /** The storage layout of a state. */
    public enum Layout { VALUE, LIST, MAP }

    public StateMeta {
        serializers = List.copyOf(serializers);
    }

    public Layout layout() {
        return switch (type) {
            case LIST -> Layout.LIST;
            case MAP -> Layout.MAP;
            default -> Layout.VALUE;
        };
    }

    /** Whether values carry TTL timestamps. */
    public boolean ttl() {
        return ttlMillis > 0;
    }

    /** What each entry of {@link #serializers()} serializes. */
    public List<String> serializerRoles() {
        return type == StateDescriptor.Type.MAP
            ? List.of("key", "namespace", "user key", "user value")
            : List.of("key", "namespace", type == StateDescriptor.Type.LIST ? "element" : "value");
    }

    /** The meta of a state being declared with these key and namespace serializers. */
    public static StateMeta of(StateDescriptor<?, ?> descriptor, TypeSerializer<?> keySerializer,
                               TypeSerializer<?> namespaceSerializer) {
        List<String> ids = new ArrayList<>();
        ids.add(keySerializer.snapshotIdentity());
        ids.add(namespaceSerializer.snapshotIdentity());
        if (descriptor instanceof MapStateDescriptor<?, ?> map) {
            ids.add(map.getUserKeySerializer().snapshotIdentity());
        }
        ids.add(descriptor.getSerializer().snapshotIdentity());
        return new StateMeta(descriptor.getName(), descriptor.getType(), descriptor.getTtlConfig().getTtlMillis(), ids);
    }

    /** Fails when a restored state is declared differently now (kind, TTL on/off, or a serializer). */
    public void checkCompatible(StateMeta declared) {
        if (type != declared.type || ttl() != declared.ttl()) {
            throw new IllegalStateException("State '" + name + "' was restored as " + describe()
                + " but is now declared as " + declared.describe() + ": changing the kind or TTL of a state is not supported");
        }
        List<String> roles = serializerRoles();
        for (int i = 0; i < roles.size(); i++) {
            if (!serializers.get(i).equals(declared.serializers.get(i))) {
                throw new IllegalStateException("State '" + name + "': the new " + roles.get(i) + " serializer ("
                    + declared.serializers.get(i) + ") must not be incompatible with the old " + roles.get(i)
                    + " serializer (" + serializers.get(i) + ") that wrote the restored snapshot; changing the stored "
                    + "type of a state is not supported (no schema evolution yet)");
            }
        }
    }

    private String describe() {
        return type + (ttl() ? " with TTL" : " without TTL");
    }

    /** Writes this meta as the snapshot formats record it: UTF name, byte kind, long TTL ms, serializer identities. */
    public void write(DataOutput out) throws IOException {
        out.writeUTF(name);
        out.writeByte(type.ordinal());
        out.writeLong(ttlMillis);
        out.writeByte(serializers.size());
        for (String s : serializers) {
            out.writeUTF(s);
        }
    }

    /** Reads what {@link #write} wrote; {@code source} names the snapshot in errors. */
    public static StateMeta read(DataInput in, Object source) throws IOException {
        String name = in.readUTF();
        int type = in.readByte();
        StateDescriptor.Type[] types = StateDescriptor.Type.values();
        if (type < 0 || type >= types.length) {
            throw new IOException("corrupt state metadata in " + source + ": state '" + name + "' has unknown kind " + type);
        }
        long ttl = in.readLong();
        int n = in.readUnsignedByte();
        List<String> serializers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            serializers.add(in.readUTF());
        }
        StateMeta meta = new StateMeta(name, types[type], ttl, serializers);
        if (n != meta.serializerRoles().size()) {
            throw new IOException("corrupt state metadata in " + source + ": state '" + name + "' lists " + n
                + " serializers, expected " + meta.serializerRoles().size());
        }
        return meta;
    }
}
