package io.weir.runtime.tasks;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.State;
import io.weir.checkpoint.state.StateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.MailboxExecutor;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorMetrics;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.ProcessingTimeService;
import io.weir.runtime.operators.TimerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link OperatorContext} of one chained operator; delegates to its {@link ChainedOperator}. */
final class OperatorContextImpl implements OperatorContext {
    private final ChainedOperator owner;
    private final OperatorHost host;
    private final Logger logger;

    OperatorContextImpl(ChainedOperator owner, OperatorHost host) {
        this.owner = owner;
        this.host = host;
        this.logger = LoggerFactory.getLogger("io.weir.operator." + owner.name().replaceAll("[^A-Za-z0-9_]", "_")
            + "." + owner.subtaskIndex());
    }

    @Override
    public Output output() {
        return owner.output();
    }

    @Override
    public String operatorName() {
        return owner.name();
    }

    @Override
    public String operatorUid() {
        return owner.uid();
    }

    @Override
    public int subtaskIndex() {
        return owner.subtaskIndex();
    }

    @Override
    public int parallelism() {
        return owner.parallelism();
    }

    @Override
    public int maxParallelism() {
        return owner.maxParallelism();
    }

    @Override
    public String jobId() {
        return host.jobId();
    }

    @Override
    public Configuration configuration() {
        return host.configuration();
    }

    @Override
    public OperatorMetrics metrics() {
        return owner.metrics();
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public MailboxExecutor mailbox() {
        return host.mailbox();
    }

    @Override
    public ProcessingTimeService processingTimeService() {
        return host.processingTimeService();
    }

    @Override
    public boolean isKeyed() {
        return owner.keyedBackend() != null;
    }

    @Override
    public Row currentKey() {
        KeyedStateBackend<Row> k = owner.keyedBackend();
        return k == null ? null : k.getCurrentKey();
    }

    @Override
    public <S extends State> S getState(StateDescriptor<S, ?> descriptor) {
        try {
            return keyedStateBackend().getState(descriptor);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("operator '" + owner.name() + "': cannot create state '" + descriptor.getName() + "'", e);
        }
    }

    @Override
    public KeyedStateBackend<Row> keyedStateBackend() {
        KeyedStateBackend<Row> k = owner.keyedBackend();
        if (k == null) {
            throw new IllegalStateException("operator '" + owner.name() + "' is not keyed: it has no keyed state "
                + "(declare it with OperatorFactory.keyed)");
        }
        return k;
    }

    @Override
    public OperatorStateBackend operatorStateBackend() {
        return owner.operatorStateBackend();
    }

    @Override
    public <N> TimerService<N> timerService(TypeSerializer<N> namespaceSerializer) {
        return owner.timerService(namespaceSerializer);
    }
}
