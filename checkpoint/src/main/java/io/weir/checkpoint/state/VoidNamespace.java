package io.weir.checkpoint.state;

/** The single namespace of state that is not scoped to a window. */
public final class VoidNamespace {
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {
    }

    public static VoidNamespace get() {
        return INSTANCE;
    }

    @Override
    public int hashCode() {
        return 99;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
