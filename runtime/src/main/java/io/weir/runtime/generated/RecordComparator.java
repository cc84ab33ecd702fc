package io.weir.runtime.generated;

import io.weir.runtime.data.Row;
import java.util.Comparator;

/**
 * Orders rows by an {@code ORDER BY} list, each key with its direction and its NULLS FIRST/LAST
 * placement as the generator was told (default as in Flink: ASC NULLS FIRST, DESC NULLS LAST).
 * A consistent total order; equal keys compare 0.
 */
@FunctionalInterface
public interface RecordComparator extends Comparator<Row>, GeneratedFunction {
    @Override
    int compare(Row a, Row b);
}
