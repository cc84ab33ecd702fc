package io.weir.checkpoint.state.ttl;

import io.weir.checkpoint.state.internal.InternalValueState;
import java.io.IOException;

/** A value state with TTL over a backend value state of {@link TtlValue}s. Never returns an expired value. */
public final class TtlValueState<K, N, T> extends AbstractTtlState<K, N, InternalValueState<K, N, TtlValue<T>>>
    implements InternalValueState<K, N, T> {

    public TtlValueState(InternalValueState<K, N, TtlValue<T>> inner, TtlFilter filter) {
        super(inner, filter);
    }

    @Override
    public T value() throws IOException {
        TtlValue<T> v = inner.value();
        if (v == null) {
            return null;
        }
        long now = filter.now();
        if (filter.isExpired(v, now)) {
            inner.clear();
            return null;
        }
        if (refreshOnRead()) {
            inner.update(new TtlValue<>(v.userValue(), now));
        }
        return v.userValue();
    }

    @Override
    public void update(T value) throws IOException {
        if (value == null) {
            inner.clear();
        } else {
            inner.update(wrap(value));
        }
    }
}
