package io.weir.checkpoint.state.operator;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** An operator list state (split-distributed or union); {@link #get()} never returns null. */
final class PartitionableListState<S> implements ListState<S> {
    private final String name;
    private final TypeSerializer<S> serializer;
    private final OperatorStateHandle.Mode mode;
    private final ArrayList<S> elements = new ArrayList<>();

    PartitionableListState(String name, TypeSerializer<S> serializer, OperatorStateHandle.Mode mode) {
        this.name = name;
        this.serializer = serializer;
        this.mode = mode;
    }

    String name() {
        return name;
    }

    TypeSerializer<S> serializer() {
        return serializer;
    }

    OperatorStateHandle.Mode mode() {
        return mode;
    }

    /** A deep copy of the elements, for a snapshot's synchronous part. */
    List<S> copyElements() {
        List<S> copy = new ArrayList<>(elements.size());
        for (S e : elements) {
            copy.add(serializer.copy(e));
        }
        return copy;
    }

    void addRestored(Collection<S> restored) {
        elements.addAll(restored);
    }

    @Override
    public Iterable<S> get() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public void add(S value) {
        elements.add(check(value));
    }

    @Override
    public void update(List<S> values) {
        elements.clear();
        addAll(values);
    }

    @Override
    public void addAll(List<S> values) {
        if (values != null) {
            values.forEach(this::check);
            elements.addAll(values);
        }
    }

    @Override
    public void clear() {
        elements.clear();
    }

    private S check(S value) {
        if (value == null) {
            throw new NullPointerException("operator list state '" + name + "' does not accept null elements");
        }
        return value;
    }
}
