package io.weir.checkpoint.state.ttl;

import io.weir.checkpoint.state.internal.InternalMapState;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A map state with TTL per user entry; expired entries are never returned and are removed when seen. */
public final class TtlMapState<K, N, UK, UV> extends AbstractTtlState<K, N, InternalMapState<K, N, UK, TtlValue<UV>>>
    implements InternalMapState<K, N, UK, UV> {

    public TtlMapState(InternalMapState<K, N, UK, TtlValue<UV>> inner, TtlFilter filter) {
        super(inner, filter);
    }

    @Override
    public UV get(UK key) throws Exception {
        TtlValue<UV> v = inner.get(key);
        if (v == null) {
            return null;
        }
        long now = filter.now();
        if (filter.isExpired(v, now)) {
            inner.remove(key);
            return null;
        }
        if (refreshOnRead()) {
            inner.put(key, new TtlValue<>(v.userValue(), now));
        }
        return v.userValue();
    }

    @Override
    public void put(UK key, UV value) throws Exception {
        inner.put(key, wrap(value));
    }

    @Override
    public void putAll(Map<UK, UV> map) throws Exception {
        for (Map.Entry<UK, UV> e : map.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void remove(UK key) throws Exception {
        inner.remove(key);
    }

    @Override
    public boolean contains(UK key) throws Exception {
        TtlValue<UV> v = inner.get(key);
        return v != null && !filter.isExpired(v, filter.now());
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
        List<Map.Entry<UK, UV>> live = liveEntries();
        return () -> new RemovingIterator<>(live.iterator(), Function.identity());
    }

    @Override
    public Iterable<UK> keys() throws Exception {
        List<Map.Entry<UK, UV>> live = liveEntries();
        return () -> new RemovingIterator<>(live.iterator(), Map.Entry::getKey);
    }

    @Override
    public Iterable<UV> values() throws Exception {
        List<Map.Entry<UK, UV>> live = liveEntries();
        return () -> new RemovingIterator<>(live.iterator(), Map.Entry::getValue);
    }

    @Override
    public boolean isEmpty() throws Exception {
        return liveEntries().isEmpty();
    }

    /** The unexpired entries, materialised; expired ones are removed from the backend. */
    private List<Map.Entry<UK, UV>> liveEntries() throws Exception {
        long now = filter.now();
        List<Map.Entry<UK, UV>> live = new ArrayList<>();
        List<UK> expired = new ArrayList<>();
        for (Map.Entry<UK, TtlValue<UV>> e : inner.entries()) {
            if (filter.isExpired(e.getValue(), now)) {
                expired.add(e.getKey());
            } else {
                live.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().userValue()));
            }
        }
        for (UK k : expired) {
            inner.remove(k);
        }
        if (refreshOnRead()) {
            for (Map.Entry<UK, UV> e : live) {
                inner.put(e.getKey(), new TtlValue<>(e.getValue(), now));
            }
        }
        return live;
    }

    /** Iterates a materialised view; {@code remove} removes the entry from the state. */
    private final class RemovingIterator<T> implements Iterator<T> {
        private final Iterator<Map.Entry<UK, UV>> it;
        private final Function<Map.Entry<UK, UV>, T> view;
        private Map.Entry<UK, UV> last;

        RemovingIterator(Iterator<Map.Entry<UK, UV>> it, Function<Map.Entry<UK, UV>, T> view) {
            this.it = it;
            this.view = view;
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public T next() {
            last = it.next();
            return view.apply(last);
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() not called");
            }
            try {
                inner.remove(last.getKey());
            } catch (Exception e) {
                throw new IllegalStateException("could not remove map entry of state '" + getStateName() + "'", e);
            }
            last = null;
        }
    }
}
