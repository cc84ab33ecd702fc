package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.AggregatingStateDescriptor;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.checkpoint.state.ReducingStateDescriptor;
import io.weir.checkpoint.state.State;
import io.weir.checkpoint.state.StateDescriptor;
import io.weir.checkpoint.state.TtlTimeProvider;
import io.weir.checkpoint.state.internal.InternalKvState;
import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.checkpoint.state.internal.InternalMapState;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.checkpoint.state.ttl.TtlFilter;
import io.weir.checkpoint.state.ttl.TtlListState;
import io.weir.checkpoint.state.ttl.TtlMapState;
import io.weir.checkpoint.state.ttl.TtlSerializer;
import io.weir.checkpoint.state.ttl.TtlValue;
import io.weir.checkpoint.state.ttl.TtlValueState;
import java.util.HashMap;
import java.util.Map;

/**
 * What both keyed backends share: the current key and its key group, the registry of states by
 * name, and the layering of state kinds over the three storage primitives a backend provides
 * (value, list, map). Reducing and aggregating states are value states with a function on top;
 * TTL is a decorator that stores {@link TtlValue}s (Kafka Streams-style layers around a store).
 */
public abstract class AbstractKeyedStateBackend<K> implements KeyedStateBackend<K> {
    protected final TypeSerializer<K> keySerializer;
    protected final int numberOfKeyGroups;
    protected final KeyGroupRange keyGroupRange;
    protected final TtlTimeProvider ttlTimeProvider;
    private final Map<String, Registered<K>> states = new HashMap<>();
    private K currentKey;
    private int currentKeyGroup = -1;

    private record Registered<K>(StateDescriptor.Type type, InternalKvState<K, ?, ?> state) {
    }

    protected AbstractKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        this.keySerializer = parameters.getKeySerializer();
        this.numberOfKeyGroups = parameters.getNumberOfKeyGroups();
        this.keyGroupRange = parameters.getKeyGroupRange();
        this.ttlTimeProvider = parameters.getTtlTimeProvider();
    }

    @Override
    public void setCurrentKey(K key) {
        int kg = KeyGroupRangeAssignment.assignToKeyGroup(key, numberOfKeyGroups);
        if (!keyGroupRange.contains(kg)) {
            throw new IllegalArgumentException("Key " + key + " belongs to key group " + kg + ", outside this backend's "
                + keyGroupRange + ": the input is not partitioned by this key");
        }
        currentKey = key;
        currentKeyGroup = kg;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroupIndex() {
        return currentKeyGroup;
    }

    /** Fails when no key is set; called by states before an access. */
    public final void checkKeySet(String stateName) {
        if (currentKey == null) {
            throw new IllegalStateException("no current key set before accessing keyed state '" + stateName + "'");
        }
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public int getNumberOfKeyGroups() {
        return numberOfKeyGroups;
    }

    @Override
    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State, V> InternalKvState<K, N, V> getOrCreateState(TypeSerializer<N> namespaceSerializer,
                                                                              StateDescriptor<S, V> descriptor) throws Exception {
        Registered<K> existing = states.get(descriptor.getName());
        if (existing != null) {
            if (existing.type() != descriptor.getType()) {
                throw new IllegalStateException("State '" + descriptor.getName() + "' is already registered as "
                    + existing.type() + " and cannot be used as " + descriptor.getType());
            }
            return (InternalKvState<K, N, V>) existing.state();
        }
        StateMeta meta = StateMeta.of(descriptor, keySerializer, namespaceSerializer);
        InternalKvState<K, N, ?> state = create(meta, namespaceSerializer, descriptor);
        states.put(descriptor.getName(), new Registered<>(descriptor.getType(), state));
        return (InternalKvState<K, N, V>) state;
    }

    /** The namespace serializer a declared state was created with, or null when it is not declared. */
    protected final TypeSerializer<?> registeredNamespaceSerializer(String stateName) {
        Registered<K> r = states.get(stateName);
        return r == null ? null : r.state().getNamespaceSerializer();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <N> InternalKvState<K, N, ?> create(StateMeta meta, TypeSerializer<N> ns, StateDescriptor<?, ?> d) throws Exception {
        TtlFilter ttl = meta.ttl() ? new TtlFilter(d.getTtlConfig(), ttlTimeProvider) : null;
        switch (d.getType()) {
            case VALUE:
                return valueState(meta, ns, d.getSerializer(), ttl);
            case REDUCING:
                return new ReducingStateImpl<>(valueState(meta, ns, d.getSerializer(), ttl),
                    ((ReducingStateDescriptor) d).getReduceFunction());
            case AGGREGATING:
                return new AggregatingStateImpl<>(valueState(meta, ns, d.getSerializer(), ttl),
                    ((AggregatingStateDescriptor) d).getAggregateFunction());
            case LIST:
                if (ttl == null) {
                    return createListState(meta, ns, d.getSerializer(), null);
                }
                return new TtlListState<>(createListState(meta, ns, new TtlSerializer<>(d.getSerializer()), ttl), ttl);
            case MAP:
                TypeSerializer<?> uk = ((MapStateDescriptor<?, ?>) d).getUserKeySerializer();
                if (ttl == null) {
                    return createMapState(meta, ns, uk, d.getSerializer(), null);
                }
                return new TtlMapState(createMapState(meta, ns, uk, new TtlSerializer<>(d.getSerializer()), ttl), ttl);
            default:
                throw new IllegalStateException("unknown state kind " + d.getType());
        }
    }

    private <N, V> InternalValueState<K, N, V> valueState(StateMeta meta, TypeSerializer<N> ns, TypeSerializer<V> ser,
                                                         TtlFilter ttl) throws Exception {
        if (ttl == null) {
            return createValueState(meta, ns, ser, null);
        }
        return new TtlValueState<>(createValueState(meta, ns, new TtlSerializer<>(ser), ttl), ttl);
    }

    /**
     * Creates the storage for a value-layout state. With a TTL filter, {@code valueSerializer} is a
     * {@link TtlSerializer} and the backend uses the filter for incremental cleanup and snapshots.
     */
    protected abstract <N, V> InternalValueState<K, N, V> createValueState(
        StateMeta meta, TypeSerializer<N> namespaceSerializer, TypeSerializer<V> valueSerializer, TtlFilter ttl) throws Exception;

    /** Creates the storage for a list state; with TTL, elements are {@link TtlValue}s. */
    protected abstract <N, T> InternalListState<K, N, T> createListState(
        StateMeta meta, TypeSerializer<N> namespaceSerializer, TypeSerializer<T> elementSerializer, TtlFilter ttl) throws Exception;

    /** Creates the storage for a map state; with TTL, user values are {@link TtlValue}s. */
    protected abstract <N, UK, UV> InternalMapState<K, N, UK, UV> createMapState(
        StateMeta meta, TypeSerializer<N> namespaceSerializer, TypeSerializer<UK> userKeySerializer,
        TypeSerializer<UV> userValueSerializer, TtlFilter ttl) throws Exception;
}
