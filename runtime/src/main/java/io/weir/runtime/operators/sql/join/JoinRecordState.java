package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.checkpoint.state.MapState;
import io.weir.checkpoint.state.MapStateDescriptor;
import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.serialization.RowSerializer;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows of one join input for the current join key, in the layout its {@link JoinInputSpec}
 * chooses. Each stored record carries its multiplicity and, for an outer side, the number of rows
 * of the other side it currently matches (its "associations"; 0 means its NULL-padded row is out).
 * Stored records are copies of kind {@code INSERT}. Task thread only.
 *
 * <p>The append-only layout keeps neither: each occurrence is a separate list entry (count 1) and
 * associations are always 0, so it suits only an insert-only side not preserved by an outer join;
 * {@link #retract} and {@link #updateAssociations} fail on it.
 */
abstract class JoinRecordState {

    /**
     * One stored record with its multiplicity and association count. {@code record} may be the stored
     * row itself, with the association count as an extra last field: read only its first
     * {@code arity} fields (joined rows and generated conditions do).
     */
    static final class Entry {
        Row record;
        long count;
        long associations;
    }

    /** Creates the state named {@code name} for rows of {@code recordType}. */
    static JoinRecordState create(OperatorContext ctx, String name, RowType recordType, JoinInputSpec spec,
                                  StateTtlConfig ttl) {
        RowType withCounts = appendCounts(recordType);
        switch (spec.layout()) {
            case JOIN_KEY_CONTAINS_UNIQUE_KEY: {
                ValueStateDescriptor<Row> d = new ValueStateDescriptor<>(name, new RowSerializer(withCounts));
                d.enableTimeToLive(ttl);
                return new SingleRow(ctx.getState(d), recordType.arity());
            }
            case HAS_UNIQUE_KEY: {
                MapStateDescriptor<Row, Row> d = new MapStateDescriptor<>(name,
                    new RowSerializer(spec.uniqueKeyType()), new RowSerializer(withCounts));
                d.enableTimeToLive(ttl);
                return new ByUniqueKey(ctx.getState(d), recordType.arity(), spec);
            }
            case APPEND_ONLY: {
                ListStateDescriptor<Row> d = new ListStateDescriptor<>(name, new RowSerializer(recordType));
                d.enableTimeToLive(ttl);
                return new AppendOnly(ctx.getState(d), name);
            }
            default: {
                MapStateDescriptor<Row, Row> d = new MapStateDescriptor<>(name,
                    new RowSerializer(recordType), new RowSerializer(countsType()));
                d.enableTimeToLive(ttl);
                return new Counted(ctx.getState(d));
            }
        }
    }

    /** Adds one occurrence of {@code record} (kind INSERT, owned by the state) with its association count. */
    abstract void add(Row record, long associations) throws Exception;

    /** Removes one occurrence of {@code record}; a no-op when it is not there (e.g. expired by TTL). */
    abstract void retract(Row record) throws Exception;

    /** Sets the association count of the stored {@code record}. */
    abstract void updateAssociations(Row record, long associations) throws Exception;

    /**
     * Fills {@code out} with the stored records (reusing its entries), so that callers may update the
     * state while walking the result. Returns the number of entries filled.
     */
    abstract int load(List<Entry> out) throws Exception;

    static Entry slot(List<Entry> out, int i) {
        if (i == out.size()) {
            out.add(new Entry());
        }
        return out.get(i);
    }

    private static RowType appendCounts(RowType recordType) {
        int n = recordType.arity();
        String[] names = new String[n + 1];
        DataType[] types = new DataType[n + 1];
        for (int i = 0; i < n; i++) {
            names[i] = "f" + i;
            types[i] = recordType.fieldType(i);
        }
        names[n] = "$associations";
        types[n] = DataType.bigint();
        return RowType.of(names, types);
    }

    private static RowType countsType() {
        return RowType.of(new String[] {"count", "associations"}, new DataType[] {DataType.bigint(), DataType.bigint()});
    }

    /** The first {@code n} fields of {@code record} ++ {@code associations}. */
    static Row withAssociations(Row record, int n, long associations) {
        Object[] f = new Object[n + 1];
        System.arraycopy(record.fields(), 0, f, 0, n);
        f[n] = associations;
        return new Row(RowKind.INSERT, f);
    }

    /** One row per join key. */
    private static final class SingleRow extends JoinRecordState {
        private final ValueState<Row> state;
        private final int arity;

        SingleRow(ValueState<Row> state, int arity) {
            this.state = state;
            this.arity = arity;
        }

        @Override
        void add(Row record, long associations) throws Exception {
            state.update(withAssociations(record, arity, associations));
        }

        @Override
        void retract(Row record) {
            state.clear();
        }

        @Override
        void updateAssociations(Row record, long associations) throws Exception {
            state.update(withAssociations(record, arity, associations));
        }

        @Override
        int load(List<Entry> out) throws Exception {
            Row stored = state.value();
            if (stored == null) {
                return 0;
            }
            Entry e = slot(out, 0);
            e.record = stored;
            e.count = 1;
            e.associations = (Long) stored.getField(arity);
            return 1;
        }
    }

    /** Rows unique by a key other than the join key. */
    private static final class ByUniqueKey extends JoinRecordState {
        private final MapState<Row, Row> state;
        private final int arity;
        private final JoinInputSpec spec;

        ByUniqueKey(MapState<Row, Row> state, int arity, JoinInputSpec spec) {
            this.state = state;
            this.arity = arity;
            this.spec = spec;
        }

        @Override
        void add(Row record, long associations) throws Exception {
            state.put(spec.uniqueKey().getKey(record), withAssociations(record, arity, associations));
        }

        @Override
        void retract(Row record) throws Exception {
            state.remove(spec.uniqueKey().getKey(record));
        }

        @Override
        void updateAssociations(Row record, long associations) throws Exception {
            state.put(spec.uniqueKey().getKey(record), withAssociations(record, arity, associations));
        }

        @Override
        int load(List<Entry> out) throws Exception {
            int n = 0;
            for (Row stored : state.values()) {
                Entry e = slot(out, n++);
                e.record = stored;
                e.count = 1;
                e.associations = (Long) stored.getField(arity);
            }
            return n;
        }
    }

    /** Rows without a unique key: record to (count, associations). */
    private static final class Counted extends JoinRecordState {
        private final MapState<Row, Row> state;

        Counted(MapState<Row, Row> state) {
            this.state = state;
        }

        @Override
        void add(Row record, long associations) throws Exception {
            Row counts = state.get(record);
            long count = counts == null ? 1 : (Long) counts.getField(0) + 1;
            state.put(record, Row.of(count, associations));
        }

        @Override
        void retract(Row record) throws Exception {
            Row counts = state.get(record);
            if (counts == null) {
                return;
            }
            long count = (Long) counts.getField(0) - 1;
            if (count <= 0) {
                state.remove(record);
            } else {
                state.put(record, Row.of(count, counts.getField(1)));
            }
        }

        @Override
        void updateAssociations(Row record, long associations) throws Exception {
            Row counts = state.get(record);
            if (counts != null) {
                state.put(record, Row.of(counts.getField(0), associations));
            }
        }

        @Override
        int load(List<Entry> out) throws Exception {
            int n = 0;
            for (Map.Entry<Row, Row> stored : state.entries()) {
                Entry e = slot(out, n++);
                e.record = stored.getKey();
                e.count = (Long) stored.getValue().getField(0);
                e.associations = (Long) stored.getValue().getField(1);
            }
            return n;
        }
    }

    /**
     * Rows of an insert-only side that needs no association counts: a list per join key. Adding is
     * an append (a RocksDB merge, no read); equal rows are separate entries, so each joins once per
     * occurrence, as {@link Counted} does with its count.
     */
    private static final class AppendOnly extends JoinRecordState {
        private final ListState<Row> state;
        private final String name;

        AppendOnly(ListState<Row> state, String name) {
            this.state = state;
            this.name = name;
        }

        @Override
        void add(Row record, long associations) throws Exception {
            state.add(record);
        }

        @Override
        void retract(Row record) {
            throw new IllegalStateException("join state '" + name + "' is append-only (planned for an insert-only"
                + " input) but received a retraction (-U/-D) of the row " + Arrays.toString(record.fields()));
        }

        @Override
        void updateAssociations(Row record, long associations) {
            throw new IllegalStateException("join state '" + name + "' is append-only and keeps no association"
                + " counts (planned for a side not preserved by an outer join), but they were updated for " + record);
        }

        @Override
        int load(List<Entry> out) throws Exception {
            Iterable<Row> rows = state.get();
            if (rows == null) {
                return 0;
            }
            int n = 0;
            for (Row stored : rows) {
                Entry e = slot(out, n++);
                e.record = stored;
                e.count = 1;
                e.associations = 0;
            }
            return n;
        }
    }

    /** A new list for {@link #load}. */
    static List<Entry> newBuffer() {
        return new ArrayList<>();
    }
}
