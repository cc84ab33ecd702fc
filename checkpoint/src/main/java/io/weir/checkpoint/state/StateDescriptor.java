package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Declares one keyed or operator state up front: its unique name within an operator, its kind and
 * the serializers of what it stores, and optionally a TTL. Backends store bytes and use the
 * serializers; the name is how a snapshot maps state back after a restart.
 *
 * @param <S> the state interface the descriptor creates
 * @param <T> the type of the value the backend stores per key and namespace
 */
public abstract class StateDescriptor<S extends State, T> {

    /** The kind of state; decides the storage layout and snapshot format. */
    public enum Type { VALUE, LIST, MAP, REDUCING, AGGREGATING }

    private final String name;
    private final TypeSerializer<T> serializer;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, TypeSerializer<T> serializer) {
        this.name = Objects.requireNonNull(name, "state name");
        this.serializer = Objects.requireNonNull(serializer, "serializer of state '" + name + "'");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a state name must not be empty");
        }
    }

    public final String getName() {
        return name;
    }

    public abstract Type getType();

    /**
     * The serializer of the stored value: the value for VALUE, the element for LIST, the user value
     * for MAP, the value for REDUCING, the accumulator for AGGREGATING.
     */
    public TypeSerializer<T> getSerializer() {
        return serializer;
    }

    /** Enables time-to-live for this state; {@link StateTtlConfig#DISABLED} turns it off. */
    public final void enableTimeToLive(StateTtlConfig config) {
        this.ttlConfig = Objects.requireNonNull(config, "ttl config");
    }

    public final StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    @Override
    public String toString() {
        return getType() + " state '" + name + "'";
    }
}
