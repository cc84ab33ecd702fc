package io.weir.connectors.datagen;

import java.util.SplittableRandom;

/** Produces one field's value for a row index; {@code random} is the row's own generator. */
interface FieldGenerator {
    Object value(long index, SplittableRandom random);
}
