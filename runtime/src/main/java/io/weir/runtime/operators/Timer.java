package io.weir.runtime.operators;

import io.weir.runtime.data.Row;
import java.util.Objects;

/**
 * A registered timer: (key, namespace, timestamp) in one {@link TimeDomain}. Two timers with the
 * same key, namespace, timestamp and domain are the same timer (registering it twice keeps one).
 *
 * @param <N> the namespace type (a window, or {@code VoidNamespace})
 */
public final class Timer<N> implements Comparable<Timer<?>> {
    private final long timestamp;
    private final Row key;
    private final N namespace;
    private final TimeDomain domain;
    /** Computed once: timers are hashed several times each in the timer service's set (a hot path). */
    private final int hash;

    public Timer(long timestamp, Row key, N namespace, TimeDomain domain) {
        this.timestamp = timestamp;
        this.key = key;
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.domain = Objects.requireNonNull(domain, "domain");
        int h = Long.hashCode(timestamp);
        h = 31 * h + (key == null ? 0 : key.hashCode());
        h = 31 * h + namespace.hashCode();
        this.hash = 31 * h + domain.ordinal();
    }

    public long timestamp() { return timestamp; }

    /** The key the timer was registered under; null for a non-keyed operator. */
    public Row key() { return key; }

    public N namespace() { return namespace; }

    public TimeDomain domain() { return domain; }

    /** Orders by timestamp only; ties have no defined order. */
    @Override
    public int compareTo(Timer<?> o) {
        return Long.compare(timestamp, o.timestamp);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Timer)) {
            return false;
        }
        Timer<?> t = (Timer<?>) o;
        return hash == t.hash && timestamp == t.timestamp && domain == t.domain && Objects.equals(key, t.key)
            && namespace.equals(t.namespace);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Timer{" + domain + " @" + timestamp + ", key=" + key + ", ns=" + namespace + '}';
    }
}
