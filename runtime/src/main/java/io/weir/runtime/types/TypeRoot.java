package io.weir.runtime.types;

/** The SQL types Weir can store and move, each with the Java class of its internal value. */
public enum TypeRoot {
    BOOLEAN(Boolean.class),
    TINYINT(Byte.class),
    SMALLINT(Short.class),
    INTEGER(Integer.class),
    BIGINT(Long.class),
    FLOAT(Float.class),
    DOUBLE(Double.class),
    DECIMAL(java.math.BigDecimal.class),
    CHAR(String.class),
    VARCHAR(String.class),
    BINARY(byte[].class),
    VARBINARY(byte[].class),
    /** Epoch days. */
    DATE(Integer.class),
    /** Milliseconds of the day. */
    TIME(Integer.class),
    /** Epoch millis (p &lt;= 3), micros (p 4..6) or nanos (p 7..9), no time zone; see {@link TimestampUnits}. */
    TIMESTAMP(Long.class),
    /** An instant in epoch millis, micros or nanos by precision as TIMESTAMP, shown in the session time zone. */
    TIMESTAMP_LTZ(Long.class),
    /** Months. */
    INTERVAL_YEAR_MONTH(Integer.class),
    /** Milliseconds. */
    INTERVAL_DAY_TIME(Long.class),
    ARRAY(java.util.List.class),
    MAP(java.util.Map.class),
    MULTISET(java.util.Map.class),
    ROW(io.weir.runtime.data.Row.class),
    /** The type of an untyped NULL literal. */
    NULL(Object.class);

    private final Class<?> internalClass;

    TypeRoot(Class<?> internalClass) {
        this.internalClass = internalClass;
    }

    /** The Java class of values of this type inside a {@link io.weir.runtime.data.Row}. */
    public Class<?> internalClass() {
        return internalClass;
    }
}
