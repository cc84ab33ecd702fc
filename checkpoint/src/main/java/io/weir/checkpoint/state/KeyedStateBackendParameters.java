package io.weir.checkpoint.state;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link StateBackend} needs to create one keyed backend. Build with
 * {@code KeyedStateBackendParameters.builder(keySerializer, maxParallelism, keyGroupRange)}.
 */
public final class KeyedStateBackendParameters<K> {
    private final TypeSerializer<K> keySerializer;
    private final int numberOfKeyGroups;
    private final KeyGroupRange keyGroupRange;
    private final String operatorIdentifier;
    private final TtlTimeProvider ttlTimeProvider;
    private final List<KeyedStateHandle> restoreHandles;

    private KeyedStateBackendParameters(Builder<K> b) {
        this.keySerializer = b.keySerializer;
        this.numberOfKeyGroups = b.numberOfKeyGroups;
        this.keyGroupRange = b.keyGroupRange;
        this.operatorIdentifier = b.operatorIdentifier;
        this.ttlTimeProvider = b.ttlTimeProvider;
        this.restoreHandles = List.copyOf(b.restoreHandles);
    }

    public static <K> Builder<K> builder(TypeSerializer<K> keySerializer, int numberOfKeyGroups, KeyGroupRange keyGroupRange) {
        return new Builder<>(keySerializer, numberOfKeyGroups, keyGroupRange);
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    public int getNumberOfKeyGroups() {
        return numberOfKeyGroups;
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** A name unique within the job and stable across restarts (operator uid + subtask), for logs and local dirs. */
    public String getOperatorIdentifier() {
        return operatorIdentifier;
    }

    public TtlTimeProvider getTtlTimeProvider() {
        return ttlTimeProvider;
    }

    public List<KeyedStateHandle> getRestoreHandles() {
        return restoreHandles;
    }

    /** Builder; key serializer, number of key groups and range are required. */
    public static final class Builder<K> {
        private final TypeSerializer<K> keySerializer;
        private final int numberOfKeyGroups;
        private final KeyGroupRange keyGroupRange;
        private String operatorIdentifier = "operator";
        private TtlTimeProvider ttlTimeProvider = TtlTimeProvider.SYSTEM;
        private final List<KeyedStateHandle> restoreHandles = new ArrayList<>();

        private Builder(TypeSerializer<K> keySerializer, int numberOfKeyGroups, KeyGroupRange keyGroupRange) {
            this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
            this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
            if (numberOfKeyGroups < 1 || numberOfKeyGroups > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
                throw new IllegalArgumentException("number of key groups must be in [1, "
                    + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM + "]: " + numberOfKeyGroups);
            }
            if (!keyGroupRange.isEmpty() && keyGroupRange.getEndKeyGroup() >= numberOfKeyGroups) {
                throw new IllegalArgumentException(keyGroupRange + " exceeds " + numberOfKeyGroups + " key groups");
            }
            this.numberOfKeyGroups = numberOfKeyGroups;
        }

        public Builder<K> operatorIdentifier(String id) {
            this.operatorIdentifier = Objects.requireNonNull(id, "operatorIdentifier");
            return this;
        }

        public Builder<K> ttlTimeProvider(TtlTimeProvider provider) {
            this.ttlTimeProvider = Objects.requireNonNull(provider, "ttlTimeProvider");
            return this;
        }

        /** Handles to restore from; may cover any key-group ranges (only the overlap with ours is read). */
        public Builder<K> restoreFrom(Collection<? extends KeyedStateHandle> handles) {
            for (KeyedStateHandle h : handles) {
                if (h != null) {
                    restoreHandles.add(h);
                }
            }
            return this;
        }

        public KeyedStateBackendParameters<K> build() {
            return new KeyedStateBackendParameters<>(this);
        }
    }
}
