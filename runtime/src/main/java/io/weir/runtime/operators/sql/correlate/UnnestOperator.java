package io.weir.runtime.operators.sql.correlate;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code t CROSS JOIN UNNEST(t.c) [WITH ORDINALITY]} and {@code t LEFT JOIN UNNEST(t.c) ON TRUE}:
 * for each input row, one output row per element of the collection in field {@code collectionIndex},
 * {@code input ++ element fields [++ ordinality]}, each with the input row's kind (so retractions of
 * an updating input retract exactly the rows its insertion produced). Stateless, chained.
 *
 * <p>An element is, by {@link ElementKind}: an {@code ARRAY}/{@code MULTISET} element (one field; a
 * MULTISET held as a {@code Map} of element to count gives each element count times),
 * an {@code ARRAY<ROW<...>>} element expanded into its fields (a NULL element gives NULL fields), or
 * a {@code MAP} entry (key, value). The ordinality (INTEGER) counts from 1. A NULL or empty
 * collection produces no row, or, when {@code outer}, the input row padded with NULLs.
 */
public final class UnnestOperator implements OneInputStreamOperator {
    /** How a collection's elements become output fields. */
    public enum ElementKind {
        /** One field: the element itself. */
        VALUE,
        /** The element is a ROW whose fields are the output fields. */
        ROW,
        /** The collection is a MAP: key and value. */
        MAP_ENTRY
    }

    private final int collectionIndex;
    private final int inputArity;
    private final int elementArity;
    private final ElementKind kind;
    private final boolean withOrdinality;
    private final boolean outer;
    private Output output;

    /**
     * @param elementArity the output fields per element (1 for VALUE, 2 for MAP_ENTRY, the row's arity for ROW)
     * @param outer emit the input row padded with NULLs when the collection is NULL or empty
     */
    public UnnestOperator(int collectionIndex, int inputArity, int elementArity, ElementKind kind,
                          boolean withOrdinality, boolean outer) {
        if (kind == ElementKind.VALUE && elementArity != 1 || kind == ElementKind.MAP_ENTRY && elementArity != 2) {
            throw new IllegalArgumentException("unnest: " + kind + " elements cannot have " + elementArity + " fields");
        }
        this.collectionIndex = collectionIndex;
        this.inputArity = inputArity;
        this.elementArity = elementArity;
        this.kind = kind;
        this.withOrdinality = withOrdinality;
        this.outer = outer;
    }

    /** A non-keyed factory (runs chained after its input). */
    public static OperatorFactory factory(String name, String uid, int collectionIndex, int inputArity,
                                          int elementArity, ElementKind kind, boolean withOrdinality, boolean outer) {
        return OperatorFactory.of(name, uid, () -> new UnnestOperator(collectionIndex, inputArity, elementArity, kind,
            withOrdinality, outer));
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
    }

    @Override
    public void processElement(Row row) {
        Object collection = row.getField(collectionIndex);
        int emitted = 0;
        if (collection instanceof Map && kind == ElementKind.MAP_ENTRY) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) collection).entrySet()) {
                emit(row, e, ++emitted);
            }
        } else if (collection instanceof Map) {
            // a MULTISET: element -> number of occurrences
            for (Map.Entry<?, ?> e : ((Map<?, ?>) collection).entrySet()) {
                for (int i = ((Number) e.getValue()).intValue(); i > 0; i--) {
                    emit(row, e.getKey(), ++emitted);
                }
            }
        } else if (collection instanceof Collection) {
            for (Object element : (Collection<?>) collection) {
                emit(row, element, ++emitted);
            }
        } else if (collection != null) {
            throw new IllegalStateException("unnest: field " + collectionIndex + " of " + row
                + " is not an ARRAY, MULTISET or MAP but " + collection.getClass().getName());
        }
        if (emitted == 0 && outer) {
            output.collect(newRow(row));
        }
    }

    private void emit(Row input, Object element, int ordinal) {
        Row out = newRow(input);
        Object[] f = out.fields();
        int at = inputArity;
        switch (kind) {
            case MAP_ENTRY:
                f[at] = ((Map.Entry<?, ?>) element).getKey();
                f[at + 1] = ((Map.Entry<?, ?>) element).getValue();
                break;
            case ROW:
                if (element != null) {
                    copyRowFields(element, f, at);
                }
                break;
            default:
                f[at] = element;
                break;
        }
        if (withOrdinality) {
            f[at + elementArity] = ordinal;
        }
        output.collect(out);
    }

    private void copyRowFields(Object element, Object[] target, int at) {
        if (element instanceof Row) {
            System.arraycopy(((Row) element).fields(), 0, target, at, elementArity);
        } else if (element instanceof Object[]) {
            System.arraycopy((Object[]) element, 0, target, at, elementArity);
        } else if (element instanceof List) {
            List<?> l = (List<?>) element;
            for (int i = 0; i < elementArity; i++) {
                target[at + i] = l.get(i);
            }
        } else {
            throw new IllegalStateException("unnest: a ROW element is a " + element.getClass().getName());
        }
    }

    /** A fresh row of the output arity with the input's kind and fields, the rest NULL. */
    private Row newRow(Row input) {
        Object[] f = new Object[inputArity + elementArity + (withOrdinality ? 1 : 0)];
        System.arraycopy(input.fields(), 0, f, 0, inputArity);
        return new Row(input.getKind(), f);
    }
}
