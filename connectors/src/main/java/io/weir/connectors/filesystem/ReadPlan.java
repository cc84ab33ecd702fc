package io.weir.connectors.filesystem;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns a filesystem source decodes from its files and how it assembles the rows it
 * returns: the (possibly projected) columns in order, each taken from the decoded row or from
 * the file's partition directories. Formats that find fields by name (json, avro) decode only
 * the projected data columns; others (csv) decode all and drop the rest here.
 */
final class ReadPlan {
    private final RowType decodeType;
    private final RowType producedType;
    /** Per produced column: {@code >= 0} a position in the decoded row, {@code < 0} partition key {@code -1 - k}. */
    private final int[] sources;
    private final boolean identity;

    ReadPlan(RowType physical, List<String> partitionKeys, int[] projection, boolean namedFields) {
        int[] proj = projection != null ? projection : range(physical.arity());
        List<Integer> dataColumns = new ArrayList<>();
        for (int i = 0; i < physical.arity(); i++) {
            if (!partitionKeys.contains(physical.fieldName(i))) {
                dataColumns.add(i);
            }
        }
        List<Integer> decoded = new ArrayList<>();
        if (namedFields) {
            for (int p : proj) {
                if (dataColumns.contains(p) && !decoded.contains(p)) {
                    decoded.add(p);
                }
            }
        } else {
            decoded.addAll(dataColumns);
        }
        decodeType = physical.project(decoded.stream().mapToInt(Integer::intValue).toArray());
        producedType = physical.project(proj);
        sources = new int[proj.length];
        boolean same = proj.length == decoded.size();
        for (int i = 0; i < proj.length; i++) {
            int key = partitionKeys.indexOf(physical.fieldName(proj[i]));
            sources[i] = key >= 0 ? -1 - key : decoded.indexOf(proj[i]);
            same &= sources[i] == i;
        }
        identity = same;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** The columns the format decodes. */
    RowType decodeType() {
        return decodeType;
    }

    /** The columns of the rows the source returns. */
    RowType producedType() {
        return producedType;
    }

    /** The returned row for a decoded row and the file's partition values (by partition key). */
    Row assemble(Row decoded, Object[] partitionValues) {
        if (identity) {
            return decoded;
        }
        Object[] values = new Object[sources.length];
        for (int i = 0; i < values.length; i++) {
            int s = sources[i];
            values[i] = s >= 0 ? decoded.getField(s) : partitionValues[-1 - s];
        }
        return Row.ofKind(decoded.getKind(), values);
    }
}
