package io.weir.connectors.nexmark;

import io.weir.connectors.generator.RowGenerator;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import io.weir.runtime.types.TypeRoot;

import java.util.Locale;

/**
 * Nexmark events as the rows of a table. Either the combined table Flink's nexmark DDL declares
 * ({@code event_type INT, person ROW<...>, auction ROW<...>, bid ROW<...>}; row {@code i} is event
 * {@code i}), or a table of one event type with flat columns (row {@code k} is the {@code k}-th
 * event of that type, with the same content as in the combined stream). Columns are matched by
 * name, case-insensitively; a table may declare any subset of them.
 */
public final class NexmarkRowGenerator implements RowGenerator {
    private static final String[] TOP = {"event_type", "person", "auction", "bid"};

    private final NexmarkModel model;
    private final RowType rowType;
    private final int eventType; // -1 = combined table
    private final int[] topColumns; // combined: declared column -> TOP index
    private final int[][] nested; // per event type: declared field -> model field (combined: of the ROW columns)
    private final int[] rowColumnOfType = {-1, -1, -1};

    public NexmarkRowGenerator(String table, NexmarkConfig config, RowType rowType, String eventTypeName) {
        config.validate(table);
        this.model = new NexmarkModel(config);
        this.rowType = rowType;
        this.eventType = eventTypeName == null ? -1 : parseType(table, eventTypeName);
        this.nested = new int[3][];
        if (eventType >= 0) {
            topColumns = null;
            nested[eventType] = mapFields(table, rowType, fieldsOf(eventType), "table");
        } else {
            topColumns = new int[rowType.arity()];
            for (int i = 0; i < rowType.arity(); i++) {
                topColumns[i] = indexOf(TOP, rowType.fieldName(i));
                if (topColumns[i] < 0) {
                    throw new ValidationException("Table '" + table + "': unknown column '" + rowType.fieldName(i)
                        + "' for connector 'nexmark'. Columns of the combined table: event_type, person, auction, bid"
                        + " (or set 'event.type' to 'person', 'auction' or 'bid' for a flat table)");
                }
                if (topColumns[i] > 0) {
                    int type = topColumns[i] - 1;
                    DataType t = rowType.fieldType(i);
                    if (t.root() != TypeRoot.ROW) {
                        throw new ValidationException("Table '" + table + "': column '" + rowType.fieldName(i)
                            + "' must be a ROW of the " + TOP[topColumns[i]] + " fields, but is " + t);
                    }
                    nested[type] = mapFields(table, t.rowType(), fieldsOf(type), "column '" + rowType.fieldName(i) + "'");
                    rowColumnOfType[type] = i;
                }
            }
        }
    }

    private static int parseType(String table, String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "person": return NexmarkModel.PERSON;
            case "auction": return NexmarkModel.AUCTION;
            case "bid": return NexmarkModel.BID;
            default: throw new ValidationException("Table '" + table + "': invalid value '" + name
                + "' for option 'event.type'. Valid values: person, auction, bid");
        }
    }

    private static String[] fieldsOf(int type) {
        return type == NexmarkModel.PERSON ? NexmarkModel.PERSON_FIELDS
            : type == NexmarkModel.AUCTION ? NexmarkModel.AUCTION_FIELDS : NexmarkModel.BID_FIELDS;
    }

    private static int[] mapFields(String table, RowType declared, String[] model, String where) {
        int[] map = new int[declared.arity()];
        for (int i = 0; i < map.length; i++) {
            String name = declared.fieldName(i);
            map[i] = indexOf(model, name);
            if (map[i] < 0) {
                throw new ValidationException("Table '" + table + "': unknown field '" + name + "' in " + where
                    + " for connector 'nexmark'. Valid fields: " + String.join(", ", model));
            }
            checkType(table, name, declared.fieldType(i), model[map[i]]);
        }
        return map;
    }

    private static void checkType(String table, String name, DataType t, String modelField) {
        boolean time = modelField.equals("dateTime") || modelField.equals("expires");
        boolean text = modelField.matches("name|emailAddress|creditCard|city|state|extra|itemName|description|channel|url");
        boolean ok = time ? t.root() == TypeRoot.TIMESTAMP || t.root() == TypeRoot.TIMESTAMP_LTZ
            : text ? t.root() == TypeRoot.VARCHAR || t.root() == TypeRoot.CHAR : t.root() == TypeRoot.BIGINT;
        if (!ok) {
            throw new ValidationException("Table '" + table + "': field '" + name + "' has type " + t + " but nexmark produces "
                + (time ? "TIMESTAMP(3)" : text ? "VARCHAR" : "BIGINT"));
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public NexmarkModel model() {
        return model;
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public Row generate(long index, long anchorMillis) {
        if (eventType >= 0) {
            return Row.of(project(model.event(model.eventIdOf(eventType, index)), nested[eventType]));
        }
        int type = model.typeOf(index);
        Object[] event = model.event(index);
        Object[] values = new Object[topColumns.length];
        for (int i = 0; i < values.length; i++) {
            if (topColumns[i] == 0) {
                values[i] = type;
            }
        }
        if (rowColumnOfType[type] >= 0) {
            values[rowColumnOfType[type]] = Row.of(project(event, nested[type]));
        }
        return Row.of(values);
    }

    private static Object[] project(Object[] event, int[] map) {
        Object[] out = new Object[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = event[map[i]];
        }
        return out;
    }

    @Override
    public long totalRows() {
        long n = model.config().numEvents();
        if (n <= 0) {
            return -1;
        }
        return eventType < 0 ? n : model.countOf(eventType, n);
    }

    @Override
    public double rowsPerSecond() {
        NexmarkConfig c = model.config();
        if (!c.rateLimited()) {
            return 0;
        }
        if (eventType < 0) {
            return c.eventsPerSecond();
        }
        int p = eventType == NexmarkModel.PERSON ? c.personProportion()
            : eventType == NexmarkModel.AUCTION ? c.auctionProportion() : c.bidProportion();
        return (double) c.eventsPerSecond() * p / c.totalProportion();
    }
}
