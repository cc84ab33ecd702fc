package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.generated.Calc;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Output;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A fused filter and projection ({@code SELECT exprs FROM t WHERE cond}, also {@code HAVING} after
 * an aggregation): applies the generated {@link Calc} to each row and emits its result, keeping the
 * input's row kind. Stateless; watermarks pass through.
 *
 * <p>The output contract requires a fresh row per emit, so a {@code Calc} generated with output
 * reuse must be declared with {@code outputReused = true} and its result is copied (one allocation);
 * otherwise the result is emitted as is (no allocation beyond what the generated code makes).
 */
public final class CalcOperator implements OneInputStreamOperator {
    private final Supplier<Calc> calcFactory;
    private final boolean outputReused;
    private final ZoneId zone;
    private Calc calc;
    private Output output;
    private OperatorFunctionContext functionContext;

    /**
     * @param calc the generated filter + projection over the input row
     * @param outputReused whether {@code calc} returns the same row instance on every call
     * @param zone the session time zone ({@code table.local-time-zone})
     */
    public CalcOperator(GeneratedClass<Calc> calc, boolean outputReused, ZoneId zone) {
        this(Generated.supplier(calc), outputReused, zone);
    }

    CalcOperator(Supplier<Calc> calcFactory, boolean outputReused, ZoneId zone) {
        this.calcFactory = Objects.requireNonNull(calcFactory, "calc");
        this.outputReused = outputReused;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A non-keyed factory (Calc runs chained after its input, at the input's parallelism). */
    public static OperatorFactory factory(String name, String uid, GeneratedClass<Calc> calc, boolean outputReused,
                                          ZoneId zone) {
        return OperatorFactory.of(name, uid, () -> new CalcOperator(calc, outputReused, zone));
    }

    @Override
    public void open(OperatorContext context) {
        this.output = context.output();
        this.functionContext = new OperatorFunctionContext(zone, context.processingTimeService());
        this.calc = calcFactory.get();
        calc.open(functionContext);
    }

    @Override
    public void processElement(Row row) {
        Row result = calc.apply(row);
        if (result != null) {
            output.collect(outputReused ? result.copy() : result);
        }
    }

    @Override
    public long processWatermark(long watermark) {
        functionContext.setCurrentWatermark(watermark);
        return watermark;
    }

    @Override
    public void close() {
        if (calc != null) {
            calc.close();
        }
    }
}
