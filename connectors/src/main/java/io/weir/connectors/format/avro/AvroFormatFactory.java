package io.weir.connectors.format.avro;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.ConnectorOptions.Avro;
import io.weir.connectors.format.FileFormat;
import io.weir.connectors.format.FormatFactory;
import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.RowDecoder;
import io.weir.connectors.format.RowEncoder;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code 'format' = 'avro'} format. In files: Avro object container files with the schema
 * derived from the table ({@link AvroSchemas}); as single records (messages): Avro binary
 * encoding of that schema without a header.
 */
public final class AvroFormatFactory implements FormatFactory {
    /** Codecs whose implementation ships with Avro and its dependencies. */
    private static final List<String> SUPPORTED_CODECS = List.of("null", "deflate", "bzip2");

    @Override
    public String identifier() {
        return "avro";
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(Avro.ALL);
    }

    @Override
    public RowDecoder createDecoder(RowType rowType, Configuration options) {
        return new BinaryRecordDecoder(rowType);
    }

    @Override
    public RowEncoder createEncoder(RowType rowType, Configuration options) {
        return new BinaryRecordEncoder(rowType);
    }

    @Override
    public FileFormat createFileFormat(RowType rowType, Configuration options) {
        String codec = options.get(Avro.CODEC);
        if (!SUPPORTED_CODECS.contains(codec)) {
            throw new ValidationException("Invalid value '" + codec + "' for option '" + Avro.CODEC.key()
                + "'. Valid values: " + SUPPORTED_CODECS + " (snappy, xz and zstandard are not supported yet: their libraries are not bundled)");
        }
        CodecFactory.fromString(codec);
        return new AvroFileFormat(rowType, codec);
    }

    /** Avro binary records (no container header). */
    static final class BinaryRecordDecoder implements RowDecoder {
        private final GenericDatumReader<GenericRecord> reader;
        private final AvroConverters.RecordToRow toRow;
        private BinaryDecoder decoder;
        private GenericRecord reuse;

        BinaryRecordDecoder(RowType rowType) {
            Schema schema = AvroSchemas.of(rowType);
            this.reader = new GenericDatumReader<>(schema);
            this.toRow = new AvroConverters.RecordToRow(rowType);
        }

        @Override
        public void decode(byte[] bytes, int offset, int length, Consumer<Row> out) {
            decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, decoder);
            try {
                reuse = reader.read(reuse, decoder);
            } catch (IOException | RuntimeException e) {
                throw new MalformedRecordException(null, "invalid Avro record: " + e, e);
            }
            out.accept(toRow.apply(reuse));
        }

        @Override
        public long skippedRecords() {
            return 0;
        }
    }

    /** Avro binary records (no container header). */
    static final class BinaryRecordEncoder implements RowEncoder {
        private final GenericDatumWriter<GenericRecord> writer;
        private final AvroConverters.RowToRecord toRecord;
        private BinaryEncoder encoder;

        BinaryRecordEncoder(RowType rowType) {
            Schema schema = AvroSchemas.of(rowType);
            this.writer = new GenericDatumWriter<>(schema);
            this.toRecord = new AvroConverters.RowToRecord(rowType, schema);
        }

        @Override
        public void encode(Row row, OutputStream out) throws IOException {
            encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
            writer.write(toRecord.apply(row), encoder);
            encoder.flush();
        }
    }
}
