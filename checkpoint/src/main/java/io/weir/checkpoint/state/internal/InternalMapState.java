package io.weir.checkpoint.state.internal;

import io.weir.checkpoint.state.MapState;
import java.util.Map;

public interface InternalMapState<K, N, UK, UV> extends InternalKvState<K, N, Map<UK, UV>>, MapState<UK, UV> {
}
