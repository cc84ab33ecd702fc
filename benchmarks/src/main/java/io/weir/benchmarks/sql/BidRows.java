package io.weir.benchmarks.sql;

import io.weir.connectors.nexmark.NexmarkConfig;
import io.weir.connectors.nexmark.NexmarkModel;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Nexmark bid rows from the real generator, and their Weir and Calcite row types, for the micro-benchmarks. */
final class BidRows {
    static final int COUNT = 4096;
    static final RowType TYPE = RowType.of(
        new String[] {"auction", "bidder", "price", "channel", "url", "dateTime", "extra"},
        new DataType[] {DataType.bigint(), DataType.bigint(), DataType.bigint(), DataType.string(), DataType.string(),
            DataType.timestamp(3), DataType.string()});

    private BidRows() {
    }

    /** {@link #COUNT} consecutive bids of the Nexmark stream. */
    static Row[] bids() {
        NexmarkModel model = new NexmarkModel(NexmarkConfig.defaults());
        List<Row> rows = new ArrayList<>();
        for (long k = 0; rows.size() < COUNT; k++) {
            rows.add(Row.of(model.event(model.eventIdOf(NexmarkModel.BID, k))));
        }
        return rows.toArray(new Row[0]);
    }

    /** The bid row as Calcite sees it (nullable columns, as a table without NOT NULL). */
    static RelDataType relType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        b.add("auction", f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), true));
        b.add("bidder", f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), true));
        b.add("price", f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), true));
        b.add("channel", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true));
        b.add("url", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true));
        b.add("dateTime", f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP, 3), true));
        b.add("extra", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true));
        return b.build();
    }

    static JavaTypeFactoryImpl typeFactory() {
        return new JavaTypeFactoryImpl();
    }
}
