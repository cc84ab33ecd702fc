package io.weir.connectors.filesystem;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.ConnectorOptions.FileSystem;
import io.weir.connectors.format.FileFormat;
import io.weir.connectors.format.FormatFactory;
import io.weir.connectors.format.Formats;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ScanSource;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSinkFactory;
import io.weir.runtime.connector.TableSourceFactory;
import io.weir.runtime.connector.ValidationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code 'connector' = 'filesystem'}: a source over a file or directory and an exactly-once sink
 * into a directory, in any {@link FormatFactory format}; {@code PARTITIONED BY} columns become
 * {@code k=v/} directories.
 */
public final class FileSystemTableFactory implements TableSourceFactory, TableSinkFactory {

    @Override
    public String identifier() {
        return "filesystem";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(FileSystem.PATH, FactoryUtil.FORMAT);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(FileSystem.ALL);
    }

    @Override
    public ScanSource<?> createSource(TableContext context) {
        Setup s = setup(context);
        return new FileSystemSource(s.root, context.physicalRowType(), s.format, s.formatOptions, s.partitions,
            context.get(FileSystem.SOURCE_MONITOR_INTERVAL), context.get(FileSystem.LOOKUP_JOIN_CACHE_TTL), null);
    }

    @Override
    public TableSink createSink(TableContext context) {
        Setup s = setup(context);
        long size = context.get(FileSystem.ROLLING_FILE_SIZE);
        if (size <= 0) {
            throw new ValidationException("Table '" + context.tableName() + "': invalid value for option '"
                + FileSystem.ROLLING_FILE_SIZE.key() + "'. Valid values: a positive size such as '128 mb'");
        }
        return new FileSystemSink(s.root, s.fileFormat, s.partitions, s.format.producesChangelog(), size,
            context.get(FileSystem.ROLLOVER_INTERVAL));
    }

    private record Setup(Path root, FormatFactory format, Configuration formatOptions, FileFormat fileFormat,
                         Partitions partitions) {
    }

    private Setup setup(TableContext context) {
        String formatId = context.options().get(FactoryUtil.FORMAT.key());
        FormatFactory format = formatId == null ? null : Formats.find(context.tableName(), formatId);
        List<String> allowed = new ArrayList<>();
        if (format != null) {
            format.optionalOptions().forEach(o -> allowed.add(o.key()));
        }
        FactoryUtil.validateOptions(this, context, allowed);
        Configuration formatOptions = Formats.formatOptions(format, context.tableName(), context.options());
        Partitions partitions;
        try {
            partitions = new Partitions(context.physicalRowType(), context.partitionKeys(),
                context.get(FileSystem.PARTITION_DEFAULT_NAME));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Table '" + context.tableName() + "': " + e.getMessage(), e);
        }
        FileFormat fileFormat;
        try {
            fileFormat = format.createFileFormat(partitions.dataType(), formatOptions);
        } catch (UnsupportedOperationException | IllegalArgumentException | ValidationException e) {
            throw new ValidationException("Table '" + context.tableName() + "': " + e.getMessage(), e);
        }
        return new Setup(localPath(context), format, formatOptions, fileFormat, partitions);
    }

    /** The local path of {@code 'path'}: a plain path or a {@code file:} URI; other schemes are not supported yet. */
    private static Path localPath(TableContext context) {
        String path = context.get(FileSystem.PATH);
        int colon = path.indexOf(':');
        String scheme = colon > 1 ? path.substring(0, colon) : null;
        if (scheme == null || !scheme.matches("[a-zA-Z][a-zA-Z0-9+.-]*")) {
            return Path.of(path);
        }
        if (scheme.equalsIgnoreCase("file")) {
            try {
                return Path.of(java.net.URI.create(path.startsWith("file://") ? path : "file://" + path.substring(5)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("Table '" + context.tableName() + "': invalid value '" + path
                    + "' for option 'path': " + e.getMessage(), e);
            }
        }
        throw new ValidationException("Table '" + context.tableName() + "': not supported yet: file system scheme '"
            + scheme + "' in option 'path' ('" + path + "'). Supported: local paths and file: URIs");
    }
}
