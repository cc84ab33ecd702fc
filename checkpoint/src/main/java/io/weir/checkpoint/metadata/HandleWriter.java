package io.weir.checkpoint.metadata;

import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the body of {@code _metadata}; see {@link MetadataSerializer} and its counterpart {@link HandleReader}. */
final class HandleWriter {
    static final byte NULL = 0;
    static final byte BYTES = 1;
    static final byte ABSOLUTE_FILE = 2;
    static final byte RELATIVE_FILE = 3;
    static final byte KEY_GROUPS = 10;
    static final byte INCREMENTAL = 11;
    static final byte ABSOLUTE_SEGMENT = 4;
    static final byte RELATIVE_SEGMENT = 5;
    static final byte JAVA_SERIALIZED = 99;

    private final DataOutputSerializer out;
    private final Path baseDir;

    HandleWriter(DataOutputSerializer out, Path baseDir) {
        this.out = out;
        this.baseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
    }

    void writeMetadata(CheckpointMetadata m) throws IOException {
        out.writeUTF(m.jobId());
        out.writeLong(m.checkpointId());
        out.writeByte(m.kind().ordinal());
        out.writeLong(m.triggerTimestamp());
        out.writeLong(m.completionTimestamp());
        List<OperatorState> ops = m.operatorStates();
        out.writeInt(ops.size());
        for (OperatorState op : ops) {
            out.writeUTF(op.uid());
            out.writeInt(op.parallelism());
            out.writeInt(op.maxParallelism());
            out.writeInt(op.subtaskStates().size());
            for (Map.Entry<Integer, OperatorSubtaskState> e : op.subtaskStates().entrySet()) {
                out.writeInt(e.getKey());
                writeSubtaskState(e.getValue());
            }
            out.writeInt(op.finishedSubtasks().size());
            for (int subtask : op.finishedSubtasks()) {
                out.writeInt(subtask);
            }
        }
    }

    private void writeSubtaskState(OperatorSubtaskState s) throws IOException {
        out.writeInt(s.keyedState().size());
        for (KeyedStateHandle h : s.keyedState()) {
            writeKeyed(h);
        }
        out.writeInt(s.operatorState().size());
        for (OperatorStateHandle h : s.operatorState()) {
            writeOperator(h);
        }
        writeChannels(s.inputChannelState());
        writeChannels(s.resultSubpartitionState());
    }

    private void writeKeyed(KeyedStateHandle h) throws IOException {
        if (h instanceof KeyGroupsStateHandle kg) {
            out.writeByte(KEY_GROUPS);
            KeyGroupRange range = kg.getKeyGroupRange();
            out.writeInt(range.getStartKeyGroup());
            out.writeInt(range.getEndKeyGroup());
            for (int g : range) {
                out.writeLong(kg.getGroupRangeOffsets().getKeyGroupOffset(g));
            }
            writeStream(kg.getDelegateStateHandle());
        } else if (h instanceof IncrementalKeyedStateHandle inc) {
            out.writeByte(INCREMENTAL);
            out.writeUTF(inc.backendId());
            out.writeLong(inc.checkpointId());
            out.writeInt(inc.getKeyGroupRange().getStartKeyGroup());
            out.writeInt(inc.getKeyGroupRange().getEndKeyGroup());
            out.writeLong(inc.checkpointedSize());
            writeFiles(inc.sharedState());
            writeFiles(inc.privateState());
            writeStream(inc.metaState());
        } else {
            writeJava(h);
        }
    }

    private void writeFiles(List<IncrementalKeyedStateHandle.HandleAndLocalPath> files) throws IOException {
        out.writeInt(files.size());
        for (IncrementalKeyedStateHandle.HandleAndLocalPath f : files) {
            out.writeUTF(f.localPath());
            writeStream(f.handle());
        }
    }

    private void writeOperator(OperatorStateHandle h) throws IOException {
        Map<String, OperatorStateHandle.StateMetaInfo> infos = h.getStateNameToPartitionOffsets();
        out.writeInt(infos.size());
        for (Map.Entry<String, OperatorStateHandle.StateMetaInfo> e : infos.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue().getMode().ordinal());
            writeLongs(e.getValue().getOffsets());
        }
        writeStream(h.getDelegateStateHandle());
    }

    private void writeChannels(List<ChannelStateHandle> handles) throws IOException {
        out.writeInt(handles.size());
        for (ChannelStateHandle h : handles) {
            out.writeByte(h.kind().ordinal());
            out.writeInt(h.gateOrPartitionIndex());
            out.writeInt(h.channelIndex());
            writeLongs(h.offsets());
            out.writeLong(h.stateSize());
            writeStream(h.delegate());
        }
    }

    private void writeLongs(long[] values) {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    void writeStream(StreamStateHandle h) throws IOException {
        if (h == null) {
            out.writeByte(NULL);
        } else if (h instanceof PlaceholderStreamStateHandle p) {
            throw new IllegalStateException("shared state '" + p.registryKey() + "' was not registered before writing _metadata");
        } else if (h instanceof ByteStreamStateHandle b) {
            out.writeByte(BYTES);
            out.writeUTF(b.getHandleName());
            out.writeInt(b.getData().length);
            out.write(b.getData());
        } else if (h instanceof io.weir.checkpoint.storage.SegmentFileStateHandle s) {
            Path path = s.getFilePath().toAbsolutePath().normalize();
            boolean relative = baseDir != null && path.startsWith(baseDir);
            out.writeByte(relative ? RELATIVE_SEGMENT : ABSOLUTE_SEGMENT);
            out.writeUTF(relative ? baseDir.relativize(path).toString() : path.toString());
            out.writeLong(s.getOffset());
            out.writeLong(s.getStateSize());
        } else if (h instanceof FileStateHandle f) {
            Path path = f.getFilePath().toAbsolutePath().normalize();
            boolean relative = baseDir != null && path.startsWith(baseDir);
            out.writeByte(relative ? RELATIVE_FILE : ABSOLUTE_FILE);
            out.writeUTF(relative ? baseDir.relativize(path).toString() : path.toString());
            out.writeLong(f.getStateSize());
        } else {
            writeJava(h);
        }
    }

    private void writeJava(Serializable h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(h);
        }
        out.writeByte(JAVA_SERIALIZED);
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }
}
