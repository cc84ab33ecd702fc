package io.weir.checkpoint.state.backend;

import io.weir.checkpoint.state.StateDescriptor;

/**
 * What a snapshot records about one keyed state: its name, its kind and whether its values carry
 * TTL timestamps. The kind decides the layout of its records: LIST states store element lists,
 * MAP states one record per user entry, all others one value.
 */
public record StateMeta(String name, StateDescriptor.Type type, boolean ttl) {

    /** The storage layout of a state. */
    public enum Layout { VALUE, LIST, MAP }

    public Layout layout() {
        return switch (type) {
            case LIST -> Layout.LIST;
            case MAP -> Layout.MAP;
            default -> Layout.VALUE;
        };
    }

    public static StateMeta of(StateDescriptor<?, ?> descriptor) {
        return new StateMeta(descriptor.getName(), descriptor.getType(), descriptor.getTtlConfig().isEnabled());
    }

    /** Fails when a restored state is declared differently now. */
    public void checkCompatible(StateMeta declared) {
        if (type != declared.type || ttl != declared.ttl) {
            throw new IllegalStateException("State '" + name + "' was restored as " + describe()
                + " but is now declared as " + declared.describe() + ": changing the kind or TTL of a state is not supported");
        }
    }

    private String describe() {
        return type + (ttl ? " with TTL" : " without TTL");
    }
}
