package io.weir.checkpoint.state.ttl;

import io.weir.checkpoint.state.internal.InternalListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A list state with TTL per element; {@link #get()} drops (and removes) expired elements. */
public final class TtlListState<K, N, T> extends AbstractTtlState<K, N, InternalListState<K, N, TtlValue<T>>>
    implements InternalListState<K, N, T> {

    public TtlListState(InternalListState<K, N, TtlValue<T>> inner, TtlFilter filter) {
        super(inner, filter);
    }

    @Override
    public Iterable<T> get() throws Exception {
        Iterable<TtlValue<T>> stored = inner.get();
        if (stored == null) {
            return null;
        }
        long now = filter.now();
        List<TtlValue<T>> live = new ArrayList<>();
        boolean changed = false;
        for (TtlValue<T> v : stored) {
            if (filter.isExpired(v, now)) {
                changed = true;
            } else {
                live.add(refreshOnRead() ? new TtlValue<>(v.userValue(), now) : v);
            }
        }
        if (changed || refreshOnRead()) {
            inner.update(live);
        }
        if (live.isEmpty()) {
            return null;
        }
        List<T> result = new ArrayList<>(live.size());
        for (TtlValue<T> v : live) {
            result.add(v.userValue());
        }
        return result;
    }

    @Override
    public void add(T value) throws Exception {
        inner.add(wrap(requireElement(value)));
    }

    @Override
    public void update(List<T> values) throws Exception {
        inner.update(wrapAll(values));
    }

    @Override
    public void addAll(List<T> values) throws Exception {
        inner.addAll(wrapAll(values));
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        inner.mergeNamespaces(target, sources);
    }

    private List<TtlValue<T>> wrapAll(List<T> values) {
        if (values == null) {
            return null;
        }
        long now = filter.now();
        List<TtlValue<T>> wrapped = new ArrayList<>(values.size());
        for (T v : values) {
            wrapped.add(new TtlValue<>(requireElement(v), now));
        }
        return wrapped;
    }

    private T requireElement(T value) {
        if (value == null) {
            throw new NullPointerException("list state '" + getStateName() + "' does not accept null elements");
        }
        return value;
    }
}
