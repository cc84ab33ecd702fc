package io.weir.checkpoint.state.ttl;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.internal.InternalKvState;

/** Shared plumbing of the TTL decorators: namespace forwarding and the clock. */
abstract class AbstractTtlState<K, N, S extends InternalKvState<K, N, ?>> {
    protected final S inner;
    protected final TtlFilter filter;

    AbstractTtlState(S inner, TtlFilter filter) {
        this.inner = inner;
        this.filter = filter;
    }

    public void setCurrentNamespace(N namespace) {
        inner.setCurrentNamespace(namespace);
    }

    public TypeSerializer<N> getNamespaceSerializer() {
        return inner.getNamespaceSerializer();
    }

    public String getStateName() {
        return inner.getStateName();
    }

    public void clear() {
        inner.clear();
    }

    protected boolean refreshOnRead() {
        return filter.getConfig().getUpdateType() == StateTtlConfig.UpdateType.ON_READ_AND_WRITE;
    }

    protected <T> TtlValue<T> wrap(T value) {
        return new TtlValue<>(value, filter.now());
    }
}
