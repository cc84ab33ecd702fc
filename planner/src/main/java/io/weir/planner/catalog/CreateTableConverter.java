package io.weir.planner.catalog;

import io.weir.parser.ddl.SqlComputedColumn;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlMetadataColumn;
import io.weir.parser.ddl.SqlPrimaryKey;
import io.weir.parser.ddl.SqlRegularColumn;
import io.weir.parser.ddl.SqlTableColumn;
import io.weir.parser.ddl.SqlTableOption;
import io.weir.parser.ddl.SqlWatermark;
import io.weir.planner.types.TypeFormatter;
import io.weir.planner.types.UnsupportedTypeException;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.TypeRoot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns a parsed {@code CREATE TABLE} into a validated {@link CatalogTable}: column types,
 * computed-column and watermark expressions typed by Calcite, the rowtime column checked, the
 * primary key checked and its columns made NOT NULL. Every error names the column or clause and
 * its position in the statement.
 */
final class CreateTableConverter {
    private final ExpressionTyper typer;

    CreateTableConverter(ExpressionTyper typer) {
        this.typer = typer;
    }

    CatalogTable convert(SqlCreateTable ddl) {
        List<Column> columns = columns(ddl.getColumns());
        Optional<PrimaryKey> primaryKey = primaryKey(ddl.getPrimaryKey(), columns);
        if (primaryKey.isPresent()) {
            columns = withNotNullKeys(columns, primaryKey.get().columns());
        }
        Optional<WatermarkSpec> watermark = watermark(ddl.getWatermark(), columns);
        checkPartitionKeys(ddl, columns);
        return new CatalogTable(new TableSchema(columns, watermark, primaryKey), ddl.getPartitionKeys(),
            options(ddl.getOptions()), ddl.getComment());
    }

    private List<Column> columns(List<SqlTableColumn> declared) {
        Set<String> names = new HashSet<>();
        Map<String, DataType> visible = new LinkedHashMap<>();
        for (SqlTableColumn c : declared) {
            if (c instanceof SqlRegularColumn) {
                visible.put(c.getSimpleName(), columnType(c, ((SqlRegularColumn) c).getType()));
            }
        }
        List<Column> columns = new ArrayList<>();
        for (SqlTableColumn c : declared) {
            if (!names.add(c.getSimpleName())) {
                throw CatalogException.at(c.getParserPosition(), "column " + quote(c) + " is declared twice");
            }
            Column column = column(c, visible);
            visible.put(column.name(), column.type());
            columns.add(column);
        }
        return columns;
    }

    private Column column(SqlTableColumn c, Map<String, DataType> visible) {
        if (c instanceof SqlRegularColumn) {
            return Column.physical(c.getSimpleName(), visible.get(c.getSimpleName()), c.getCommentText());
        }
        if (c instanceof SqlMetadataColumn) {
            SqlMetadataColumn m = (SqlMetadataColumn) c;
            return Column.metadata(m.getSimpleName(), columnType(m, m.getType()), m.getMetadataKey(), m.isVirtual(),
                m.getCommentText());
        }
        SqlComputedColumn computed = (SqlComputedColumn) c;
        ExpressionTyper.Typed typed = expressionType(computed.getExpression(), visible, "computed column " + quote(c));
        return Column.computed(c.getSimpleName(), typed.type(), typed.sql(), c.getCommentText());
    }

    private DataType columnType(SqlTableColumn c, SqlDataTypeSpec spec) {
        try {
            DataType type = typer.dataType(spec);
            checkEngineType(type);
            return type;
        } catch (UnsupportedTypeException e) {
            throw CatalogException.at(c.getParserPosition(), "column " + quote(c) + ": " + e.getMessage(), e);
        }
    }

    private static void checkEngineType(DataType type) {
        if (type.root() == TypeRoot.NULL) {
            throw new UnsupportedTypeException("type NULL is not supported for a column");
        }
        for (DataType child : type.children()) {
            checkEngineType(child);
        }
    }

    private ExpressionTyper.Typed expressionType(SqlNode expression, Map<String, DataType> visible, String what) {
        try {
            return typer.typeOf(expression, visible);
        } catch (CalciteContextException e) {
            SqlParserPos pos = new SqlParserPos(e.getPosLine(), e.getPosColumn());
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw CatalogException.at(pos, "invalid " + what + ": " + reason, e);
        } catch (UnsupportedTypeException e) {
            throw CatalogException.at(expression.getParserPosition(), "invalid " + what + ": " + e.getMessage(), e);
        }
    }

    private Optional<WatermarkSpec> watermark(SqlWatermark w, List<Column> columns) {
        if (w == null) {
            return Optional.empty();
        }
        if (!w.getEventTimeColumn().isSimple()) {
            throw CatalogException.at(w.getParserPosition(),
                "WATERMARK FOR a nested field (" + w.getEventTimeColumn() + ") is not supported yet");
        }
        String rowtime = w.getEventTimeColumn().getSimple();
        Column column = columns.stream().filter(c -> c.name().equals(rowtime)).findFirst()
            .orElseThrow(() -> CatalogException.at(w.getEventTimeColumn().getParserPosition(),
                "WATERMARK FOR column " + TypeFormatter.quoteIdentifier(rowtime) + ": no such column in the table"));
        if (!isMillisTimestamp(column.type())) {
            throw CatalogException.at(w.getEventTimeColumn().getParserPosition(),
                "the rowtime column " + TypeFormatter.quoteIdentifier(rowtime) + " must be TIMESTAMP(3) or TIMESTAMP_LTZ(3), but is "
                    + TypeFormatter.format(column.type()) + " (Invalid data type of time field for watermark definition:"
                    + " time attributes keep milliseconds; CAST a finer column to TIMESTAMP(3) in a computed column)");
        }
        Map<String, DataType> visible = new LinkedHashMap<>();
        columns.forEach(c -> visible.put(c.name(), c.type()));
        ExpressionTyper.Typed typed = expressionType(w.getStrategy(), visible,
            "WATERMARK expression for " + TypeFormatter.quoteIdentifier(rowtime));
        DataType type = typed.type();
        if (type.root() != TypeRoot.TIMESTAMP && type.root() != TypeRoot.TIMESTAMP_LTZ) {
            throw CatalogException.at(w.getStrategy().getParserPosition(), "the WATERMARK expression for "
                + TypeFormatter.quoteIdentifier(rowtime) + " must return a TIMESTAMP or TIMESTAMP_LTZ, but returns "
                + TypeFormatter.format(type));
        }
        return Optional.of(new WatermarkSpec(rowtime, typed.sql(), type));
    }

    private static boolean isMillisTimestamp(DataType t) {
        return (t.root() == TypeRoot.TIMESTAMP || t.root() == TypeRoot.TIMESTAMP_LTZ) && t.precision() == 3;
    }

    private static Optional<PrimaryKey> primaryKey(SqlPrimaryKey key, List<Column> columns) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEnforced()) {
            throw CatalogException.at(key.getParserPosition(),
                "PRIMARY KEY must be declared NOT ENFORCED: Weir does not check key constraints on the data");
        }
        List<String> names = key.getColumnNames();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw CatalogException.at(key.getParserPosition(), "PRIMARY KEY lists column "
                    + TypeFormatter.quoteIdentifier(name) + " twice");
            }
            Column column = columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> CatalogException.at(key.getParserPosition(),
                    "PRIMARY KEY column " + TypeFormatter.quoteIdentifier(name) + " is not a column of the table"));
            if (column.kind() != Column.Kind.PHYSICAL) {
                throw CatalogException.at(key.getParserPosition(), "PRIMARY KEY column "
                    + TypeFormatter.quoteIdentifier(name) + " must be a physical column, not a "
                    + column.kind().name().toLowerCase() + " one");
            }
        }
        String name = key.getConstraintName() != null ? key.getConstraintName() : PrimaryKey.defaultName(names);
        return Optional.of(new PrimaryKey(name, names));
    }

    private static List<Column> withNotNullKeys(List<Column> columns, List<String> keys) {
        List<Column> result = new ArrayList<>();
        for (Column c : columns) {
            result.add(keys.contains(c.name()) ? c.withType(c.type().notNull()) : c);
        }
        return result;
    }

    private static void checkPartitionKeys(SqlCreateTable ddl, List<Column> columns) {
        for (String key : ddl.getPartitionKeys()) {
            if (columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw CatalogException.at(ddl.getParserPosition(),
                    "PARTITIONED BY column " + TypeFormatter.quoteIdentifier(key) + " is not a column of the table");
            }
        }
    }

    private static Map<String, String> options(List<SqlTableOption> declared) {
        Map<String, String> options = new LinkedHashMap<>();
        for (SqlTableOption o : declared) {
            if (options.put(o.getKeyString(), o.getValueString()) != null) {
                throw CatalogException.at(o.getParserPosition(), "option '" + o.getKeyString() + "' is given twice");
            }
        }
        return options;
    }

    private static String quote(SqlTableColumn c) {
        return TypeFormatter.quoteIdentifier(c.getSimpleName());
    }
}
