package io.weir.connectors.datagen;

import java.util.SplittableRandom;

/**
 * Produces one field's value for a row index; {@code random} is the row's own generator and
 * {@code anchorMillis} the source's first start (see {@link io.weir.connectors.generator.RowGenerator}).
 */
interface FieldGenerator {
    Object value(long index, long anchorMillis, SplittableRandom random);
}
