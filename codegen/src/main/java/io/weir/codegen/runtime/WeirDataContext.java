package io.weir.codegen.runtime;

import io.weir.runtime.generated.FunctionContext;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.rel.type.TimeFrames;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@link DataContext} that Calcite's generated code asks for {@code CURRENT_TIMESTAMP}, the
 * session time zone and so on, answered from Weir's {@link FunctionContext}. One per generated
 * instance, used on the task thread only.
 */
public final class WeirDataContext implements DataContext {
    private static final JavaTypeFactory TYPE_FACTORY = new JavaTypeFactoryImpl();

    private final FunctionContext context;
    private final TimeZone timeZone;

    public WeirDataContext(FunctionContext context) {
        this.context = context;
        this.timeZone = TimeZone.getTimeZone(context.localTimeZone());
    }

    @Override
    public SchemaPlus getRootSchema() {
        return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return TYPE_FACTORY;
    }

    @Override
    public QueryProvider getQueryProvider() {
        throw new UnsupportedOperationException("no query provider in streaming expressions");
    }

    @Override
    public Object get(String name) {
        switch (name) {
            case "currentTimestamp":
            case "utcTimestamp":
                return context.currentProcessingTime();
            case "localTimestamp": {
                long now = context.currentProcessingTime();
                return now + timeZone.getOffset(now);
            }
            case "sysTimestamp": {
                long now = context.currentProcessingTime();
                return now + TimeZone.getDefault().getOffset(now);
            }
            case "timeZone":
                return timeZone;
            case "locale":
                return Locale.ROOT;
            case "timeFrameSet":
                return TimeFrames.CORE;
            default:
                return null;
        }
    }
}
