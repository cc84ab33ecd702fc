package io.weir.checkpoint.state;

/** An {@link AppendingState} whose contents in several namespaces can be merged (session windows). */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {
}
