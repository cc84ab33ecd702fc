package io.weir.connectors.format.avro;

import io.weir.connectors.format.CountingOutputStream;
import io.weir.connectors.format.FileFormat;
import io.weir.connectors.format.FilePosition;
import io.weir.connectors.format.FileRecordReader;
import io.weir.connectors.format.FileRecordWriter;
import io.weir.connectors.format.MalformedRecordException;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableFileInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Avro object container files. A reader's position is the sync marker that starts the current
 * block plus the records already read from it; readers use the file's own (writer) schema,
 * resolved against the table's.
 */
final class AvroFileFormat implements FileFormat {
    private final RowType rowType;
    private final Schema schema;
    private final String codec;

    AvroFileFormat(RowType rowType, String codec) {
        this.rowType = rowType;
        this.schema = AvroSchemas.of(rowType);
        this.codec = codec;
    }

    @Override
    public FileRecordReader openReader(Path file, FilePosition start) throws IOException {
        DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableFileInput(file.toFile()),
            new GenericDatumReader<>(null, schema));
        return new Reader(file, reader, start, new AvroConverters.RecordToRow(rowType, reader.getSchema()));
    }

    @Override
    public FileRecordWriter openWriter(OutputStream out) throws IOException {
        CountingOutputStream counting = new CountingOutputStream(out);
        DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema));
        writer.setCodec(CodecFactory.fromString(codec));
        writer.create(schema, counting);
        AvroConverters.RowToRecord toRecord = new AvroConverters.RowToRecord(rowType, schema);
        return new FileRecordWriter() {
            @Override
            public void write(Row row) throws IOException {
                writer.append(toRecord.apply(row));
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public long bytesWritten() {
                return counting.count();
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    @Override
    public String fileExtension() {
        return ".avro";
    }

    private static final class Reader implements FileRecordReader {
        private final Path file;
        private final DataFileReader<GenericRecord> reader;
        private final AvroConverters.RecordToRow toRow;
        private long blockStart;
        private long recordsInBlock;
        private GenericRecord reuse;

        Reader(Path file, DataFileReader<GenericRecord> reader, FilePosition start, AvroConverters.RecordToRow toRow)
            throws IOException {
            this.file = file;
            this.reader = reader;
            this.toRow = toRow;
            if (start.offset() > 0) {
                reader.seek(start.offset());
            }
            blockStart = reader.previousSync();
            for (long i = 0; i < start.recordsToSkip() && reader.hasNext(); i++) {
                reuse = reader.next(reuse);
                advance();
            }
        }

        @Override
        public boolean readNext(Consumer<Row> out) throws IOException {
            try {
                if (!reader.hasNext()) {
                    return false;
                }
                reuse = reader.next(reuse);
            } catch (RuntimeException e) {
                throw new MalformedRecordException(null, "invalid Avro data: " + e, e)
                    .withLocation("file " + file + ", block at byte offset " + reader.previousSync());
            }
            advance();
            out.accept(toRow.apply(reuse));
            return true;
        }

        /**
         * Avro moves {@code previousSync()} to the next block's sync marker right after the last
         * record of a block is read, so a change means "block done, next record starts a block".
         */
        private void advance() throws IOException {
            long sync = reader.previousSync();
            if (sync != blockStart) {
                blockStart = sync;
                recordsInBlock = 0;
            } else {
                recordsInBlock++;
            }
        }

        @Override
        public FilePosition position() {
            return new FilePosition(blockStart, recordsInBlock);
        }

        @Override
        public long skippedRecords() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
