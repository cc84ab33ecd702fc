package io.weir.runtime.connector;

import io.weir.runtime.data.RowKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * The row kinds a stream contains (a source's output) or a sink accepts. An upsert stream
 * carries {@code +I}, {@code +U}, {@code -D} keyed by the primary key, without {@code -U}.
 */
public final class ChangelogMode {
    private static final ChangelogMode INSERT_ONLY = new ChangelogMode(EnumSet.of(RowKind.INSERT));
    private static final ChangelogMode ALL = new ChangelogMode(EnumSet.allOf(RowKind.class));
    private static final ChangelogMode UPSERT =
        new ChangelogMode(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE));

    private final Set<RowKind> kinds;

    private ChangelogMode(Set<RowKind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    public static ChangelogMode insertOnly() { return INSERT_ONLY; }

    /** Retractions: every row kind. */
    public static ChangelogMode all() { return ALL; }

    public static ChangelogMode upsert() { return UPSERT; }

    public static ChangelogMode of(RowKind first, RowKind... rest) {
        return new ChangelogMode(EnumSet.of(first, rest));
    }

    public Set<RowKind> kinds() { return kinds; }

    public boolean contains(RowKind kind) { return kinds.contains(kind); }

    public boolean containsOnly(RowKind kind) { return kinds.size() == 1 && kinds.contains(kind); }

    /** True if every kind of {@code other} is in this mode. */
    public boolean covers(ChangelogMode other) { return kinds.containsAll(other.kinds); }

    public boolean isInsertOnly() { return containsOnly(RowKind.INSERT); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangelogMode && kinds.equals(((ChangelogMode) o).kinds);
    }

    @Override
    public int hashCode() { return kinds.hashCode(); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (RowKind k : RowKind.values()) {
            if (kinds.contains(k)) {
                sb.append(sb.length() > 1 ? ", " : "").append(k.shortString());
            }
        }
        return sb.append(']').toString();
    }
}
