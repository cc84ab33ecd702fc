package io.weir.runtime.operators;

import io.weir.runtime.data.Row;

/** An operator with one input. See {@link StreamOperator} for threads and call order. */
public interface OneInputStreamOperator extends StreamOperator {

    /**
     * Processes one row. The row belongs to the operator only for this call unless the producer is
     * known not to reuse it: copy ({@link Row#copy()}) what must be kept beyond it. For a keyed
     * operator the current key is the key of {@code row}.
     */
    void processElement(Row row) throws Exception;
}
