package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.OperatorStateBackend;
import io.weir.checkpoint.state.StateBackend;
import io.weir.checkpoint.state.StateBackendOptions;
import io.weir.checkpoint.state.operator.DefaultOperatorStateBackend;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import org.rocksdb.RocksDB;

/**
 * {@code state.backend.type: rocksdb}: keyed state in embedded RocksDB instances under
 * {@code state.backend.rocksdb.localdir}, one instance per keyed operator subtask. With managed
 * memory (the default) all instances created by this object share one block cache and write-buffer
 * manager of {@code memory.fixed-per-slot} bytes, created with the first instance and freed with
 * the last; create one {@code RocksDbStateBackend} per slot to bound memory per slot.
 * Operator state stays on the heap.
 */
public final class RocksDbStateBackend implements StateBackend {
    private final Path localDir;
    private final boolean managedMemory;
    private final long fixedMemoryPerSlot;
    private final double writeBufferRatio;
    private RocksDbSharedResources shared;
    private int sharedUsers;

    public RocksDbStateBackend(Path localDir, boolean managedMemory, long fixedMemoryPerSlot, double writeBufferRatio) {
        if (writeBufferRatio <= 0 || writeBufferRatio >= 1) {
            throw new IllegalArgumentException("Invalid value '" + writeBufferRatio + "' for option '"
                + StateBackendOptions.ROCKSDB_MEMORY_WRITE_BUFFER_RATIO.key() + "': must be in (0, 1)");
        }
        if (fixedMemoryPerSlot < (1 << 20)) {
            throw new IllegalArgumentException("Invalid value '" + fixedMemoryPerSlot + "' for option '"
                + StateBackendOptions.ROCKSDB_MEMORY_FIXED_PER_SLOT.key() + "': at least 1 mb");
        }
        this.localDir = localDir;
        this.managedMemory = managedMemory;
        this.fixedMemoryPerSlot = fixedMemoryPerSlot;
        this.writeBufferRatio = writeBufferRatio;
        RocksDB.loadLibrary();
    }

    /** Reads the {@code state.backend.rocksdb.*} options. */
    public static RocksDbStateBackend fromConfiguration(Configuration config) {
        String dir = config.get(StateBackendOptions.ROCKSDB_LOCAL_DIRECTORIES);
        Path localDir = dir == null || dir.isBlank()
            ? Paths.get(System.getProperty("java.io.tmpdir"), "weir-rocksdb")
            : Paths.get(dir.split(",")[0].trim());
        return new RocksDbStateBackend(localDir,
            config.get(StateBackendOptions.ROCKSDB_MEMORY_MANAGED),
            config.get(StateBackendOptions.ROCKSDB_MEMORY_FIXED_PER_SLOT),
            config.get(StateBackendOptions.ROCKSDB_MEMORY_WRITE_BUFFER_RATIO));
    }

    @Override
    public String getName() {
        return "rocksdb";
    }

    public Path getLocalDir() {
        return localDir;
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        Path instanceDir;
        try {
            Files.createDirectories(localDir);
            instanceDir = Files.createTempDirectory(localDir, sanitize(parameters.getOperatorIdentifier()) + "-");
        } catch (IOException e) {
            throw new IOException("cannot create a RocksDB working directory under '" + localDir + "' (option '"
                + StateBackendOptions.ROCKSDB_LOCAL_DIRECTORIES.key() + "'): " + e.getMessage(), e);
        }
        RocksDbSharedResources resources = managedMemory ? acquireShared() : null;
        // the backend releases the shared resources when it closes, or when its construction fails
        return new RocksDbKeyedStateBackend<>(parameters, instanceDir, resources, resources == null ? null : this::releaseShared);
    }

    private static String sanitize(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private synchronized RocksDbSharedResources acquireShared() {
        if (shared == null) {
            shared = new RocksDbSharedResources(fixedMemoryPerSlot, writeBufferRatio);
        }
        sharedUsers++;
        return shared;
    }

    private synchronized void releaseShared() {
        if (--sharedUsers == 0) {
            shared.close();
            shared = null;
        }
    }

    /** The shared memory currently allocated, or null (for tests). */
    synchronized RocksDbSharedResources sharedResources() {
        return shared;
    }

    @Override
    public OperatorStateBackend createOperatorStateBackend(String operatorIdentifier, Collection<OperatorStateHandle> restoreHandles)
        throws IOException {
        return new DefaultOperatorStateBackend(operatorIdentifier, restoreHandles);
    }
}
