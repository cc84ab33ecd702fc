package io.weir.runtime.connector;

import io.weir.checkpoint.config.ConfigOption;
import java.util.Set;

/**
 * A factory found by {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/<the factory interface>}) and chosen by its {@link #identifier()}:
 * the {@code 'connector'} option for table factories, the {@code 'format'} option for formats
 * (format interfaces are defined where they are used, as sub-interfaces of this one).
 *
 * <p>Stateless; methods may be called from any thread. Validation of a table's options against
 * the declared options is done by {@link FactoryUtil#validateOptions}.
 */
public interface Factory {

    /** The value of {@code 'connector'} (or {@code 'format'}) that selects this factory, e.g. {@code datagen}. */
    String identifier();

    /** Options that must be set (besides {@code 'connector'} itself). */
    Set<ConfigOption<?>> requiredOptions();

    /** Options that may be set. */
    Set<ConfigOption<?>> optionalOptions();

    /**
     * Key prefixes of options whose names are open-ended, such as datagen's {@code fields.}
     * ({@code fields.<name>.kind}). Keys under these prefixes pass generic validation; the factory
     * validates them itself.
     */
    default Set<String> optionalOptionPrefixes() {
        return Set.of();
    }
}
