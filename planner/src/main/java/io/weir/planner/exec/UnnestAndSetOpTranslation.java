package io.weir.planner.exec;

import io.weir.checkpoint.config.Configuration;
import io.weir.planner.PlannerOptions;
import io.weir.planner.calcite.RelTypes;
import io.weir.planner.physical.StreamPhysicalSetOpAll;
import io.weir.planner.physical.StreamPhysicalUnnest;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.sql.correlate.UnnestOperator;
import io.weir.runtime.operators.sql.setop.SetOpAllOperator;
import io.weir.runtime.types.RowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/** Translates {@link StreamPhysicalUnnest} and {@link StreamPhysicalSetOpAll} to their specs and operators. */
final class UnnestAndSetOpTranslation {
    private UnnestAndSetOpTranslation() {
    }

    static OperatorSpec unnest(StreamPhysicalUnnest u, RowType out) {
        RelDataType collection = u.getInput().getRowType().getFieldList().get(u.collectionIndex()).getType();
        String kind;
        int arity;
        if (collection.getSqlTypeName() == SqlTypeName.MAP) {
            kind = UnnestOperator.ElementKind.MAP_ENTRY.name();
            arity = 2;
        } else if (collection.getComponentType() != null && collection.getComponentType().isStruct()) {
            kind = UnnestOperator.ElementKind.ROW.name();
            arity = collection.getComponentType().getFieldCount();
        } else {
            kind = UnnestOperator.ElementKind.VALUE.name();
            arity = 1;
        }
        return new OperatorSpec.Unnest(RelTypes.toRowType(u.getInput().getRowType()), u.collectionIndex(), kind, arity,
            u.withOrdinality(), u.outer(), out);
    }

    static OperatorSpec setOpAll(StreamPhysicalSetOpAll s, Configuration conf, RowType out) {
        return new OperatorSpec.SetOpAll(s.intersect(), conf.get(PlannerOptions.STATE_TTL), out);
    }

    /** The operator of an {@link OperatorSpec.Unnest} or {@link OperatorSpec.SetOpAll}, or null for another spec. */
    static List<OperatorFactory> factories(OperatorSpec spec, String name, String uid) {
        if (spec instanceof OperatorSpec.Unnest) {
            OperatorSpec.Unnest u = (OperatorSpec.Unnest) spec;
            return List.of(UnnestOperator.factory(name, uid, u.collectionIndex(), u.inputType().arity(),
                u.elementArity(), UnnestOperator.ElementKind.valueOf(u.elementKind()), u.withOrdinality(), u.outer()));
        }
        if (spec instanceof OperatorSpec.SetOpAll) {
            OperatorSpec.SetOpAll s = (OperatorSpec.SetOpAll) spec;
            return List.of(SetOpAllOperator.factory(name, uid, s.intersect(), s.outputType(),
                OperatorFactories.ttl(s.stateTtl())));
        }
        return null;
    }
}
