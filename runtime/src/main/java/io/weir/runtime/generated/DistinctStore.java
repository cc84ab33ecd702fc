package io.weir.runtime.generated;

/**
 * Where an {@link AggsHandle} keeps the value counts of its {@code DISTINCT} calls when they are not
 * in the accumulator row (see {@link AggsHandle#setDistinctStore}): for the current group, per
 * distinct group {@code g} (the DISTINCT calls over one argument list, see
 * {@link AggsHandle#distinctKeyTypes()}), a map from a distinct value to one count per call of the
 * group ({@code counts[j]}: how often call {@code j} saw the value, after its FILTER).
 *
 * <p>Contract: called on the task thread from inside {@code accumulate}/{@code retract}, for the
 * group that is the state backend's current key. Arrays handed to {@link #put} are owned by the
 * store, arrays returned by {@link #get} must not be changed (copy, then {@link #put}). A value
 * whose counts are all zero is {@link #remove}d, never put. State access failures are thrown as
 * {@link StoreException}, which the handle passes on unwrapped.
 */
public interface DistinctStore {

    /** The counts of {@code value} in distinct group {@code group}, or null if it has none. */
    long[] get(int group, Object value);

    /** Sets the counts of {@code value} in distinct group {@code group} (at least one is non-zero). */
    void put(int group, Object value, long[] counts);

    /** Removes {@code value} from distinct group {@code group}. */
    void remove(int group, Object value);

    /** A state access failure inside a {@link DistinctStore}. */
    final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
