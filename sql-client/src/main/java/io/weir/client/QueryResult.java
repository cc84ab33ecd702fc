package io.weir.client;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import java.util.List;

/** The complete changelog of a query that ran to the end of its input, with its columns. */
public record QueryResult(List<String> columnNames, List<DataType> types, List<Row> changelog) {
}
