package io.weir.planner.exec;

import io.weir.checkpoint.config.Configuration;
import io.weir.codegen.CodeGenerator;
import io.weir.planner.ValidationException;
import io.weir.planner.calcite.RelTypes;
import io.weir.planner.logical.LogicalLookupJoin.LookupTable;
import io.weir.planner.physical.StreamPhysicalLookupJoin;
import io.weir.planner.schema.ColumnDescriptor;
import io.weir.planner.schema.Connectors;
import io.weir.planner.schema.TableDescriptor;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.SupportsLookup;
import io.weir.runtime.connector.SupportsProjectionPushDown;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.sql.join.JoinType;
import io.weir.runtime.operators.sql.join.LookupJoinOperator;
import io.weir.runtime.types.RowType;
import org.apache.calcite.rel.type.RelDataType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a {@link StreamPhysicalLookupJoin} into its {@link OperatorSpec.LookupJoin} and that into a
 * {@link LookupJoinOperator}: the table's source is created through its connector, projected to the
 * fields the join reads, and must {@link SupportsLookup support lookups}.
 */
final class LookupJoinTranslation {
    private LookupJoinTranslation() {
    }

    static OperatorSpec spec(StreamPhysicalLookupJoin join, Configuration conf, RowType out) {
        LookupTable t = join.table();
        TableDescriptor d = t.descriptor();
        List<String> metadataKeys = new ArrayList<>();
        for (ColumnDescriptor c : d.columns()) {
            if (c.kind() == ColumnDescriptor.Kind.METADATA) {
                metadataKeys.add(c.metadataKey());
            }
        }
        RelDataType lookupType = t.rowType(join.getCluster().getTypeFactory());
        OperatorSpec.Source source = new OperatorSpec.Source(d.qualifiedName(), d.options(),
            Connectors.tableContext(d, conf).physicalRowType(), d.primaryKey(), metadataKeys, t.projection(),
            RelTypes.toRowType(lookupType), d.partitionKeys());
        return new OperatorSpec.LookupJoin(join.joinType().name(), source,
            RelTypes.toRowType(join.getInput().getRowType()), RelTypes.toRowType(lookupType),
            join.getInput().getRowType(), lookupType, toArray(join.inputKeys()), toArray(join.lookupKeys()),
            join.condition(), out);
    }

    /** The context to create the looked-up table's source with. */
    static TableContext context(OperatorSpec.LookupJoin j, Configuration conf) {
        OperatorSpec.Source s = j.table();
        return new TableContext(s.tableName(), s.physicalType(), s.options(), s.primaryKey(), s.partitionKeys(), conf);
    }

    static OperatorFactory factory(OperatorSpec.LookupJoin j, ScanSource<?> source, CodeGenerator codegen, String name,
                                   String uid, ZoneId zone) {
        OperatorSpec.Source s = j.table();
        String connector = s.options().getOrDefault("connector", "");
        if (!(source instanceof SupportsLookup)) {
            throw new ValidationException("Table [" + s.tableName() + "]: connector '" + connector
                + "' does not support lookup joins");
        }
        int physical = s.physicalType().arity();
        for (int p : s.projection()) {
            if (p >= physical) {
                throw new ValidationException("not supported yet: metadata column '" + s.metadataKeys().get(p - physical)
                    + "' of table " + s.tableName() + " in a lookup join");
            }
        }
        ScanSource<?> projected = source;
        if (!isIdentity(s.projection(), physical)) {
            if (!(source instanceof SupportsProjectionPushDown)) {
                throw new ValidationException("not supported yet: a lookup join reading only some columns of table ["
                    + s.tableName() + "], whose connector '" + connector + "' cannot project");
            }
            projected = ((SupportsProjectionPushDown<?>) source).applyProjection(s.projection());
        }
        var condition = j.condition() == null ? null
            : codegen.joinCondition(j.calciteInputType(), j.calciteLookupType(), j.condition());
        return LookupJoinOperator.factory(name, uid, JoinType.valueOf(j.joinType()), j.inputType(), j.lookupType(),
            (SupportsLookup) projected, j.lookupKeys(), codegen.keyProjection(j.inputKeys()), condition, zone);
    }

    private static boolean isIdentity(int[] projection, int arity) {
        if (projection.length != arity) {
            return false;
        }
        for (int i = 0; i < projection.length; i++) {
            if (projection[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
