package io.weir.runtime.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The named, typed fields of a {@link io.weir.runtime.data.Row}. Immutable. */
public final class RowType {

    /** One field: a name and a type. */
    public static final class Field {
        private final String name;
        private final DataType type;

        public Field(String name, DataType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        public String name() { return name; }
        public DataType type() { return type; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Field && name.equals(((Field) o).name) && type.equals(((Field) o).type);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + type.hashCode();
        }

        @Override
        public String toString() {
            return "`" + name + "` " + type;
        }
    }

    private final List<Field> fields;

    public RowType(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static RowType of(String[] names, DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("names and types differ in length: " + names.length + " vs " + types.length);
        }
        List<Field> fs = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            fs.add(new Field(names[i], types[i]));
        }
        return new RowType(fs);
    }

    public List<Field> fields() { return fields; }
    public int arity() { return fields.size(); }
    public Field field(int i) { return fields.get(i); }
    public DataType fieldType(int i) { return fields.get(i).type(); }
    public String fieldName(int i) { return fields.get(i).name(); }

    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(fields.size());
        for (Field f : fields) {
            names.add(f.name());
        }
        return Collections.unmodifiableList(names);
    }

    public List<DataType> fieldTypes() {
        List<DataType> types = new ArrayList<>(fields.size());
        for (Field f : fields) {
            types.add(f.type());
        }
        return Collections.unmodifiableList(types);
    }

    /** The position of the field with this exact name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A row type of the fields at the given positions, in that order. */
    public RowType project(int[] positions) {
        List<Field> fs = new ArrayList<>(positions.length);
        for (int p : positions) {
            fs.add(fields.get(p));
        }
        return new RowType(fs);
    }

    String fieldsToString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fields.get(i));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowType && fields.equals(((RowType) o).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "ROW<" + fieldsToString() + ">";
    }
}
