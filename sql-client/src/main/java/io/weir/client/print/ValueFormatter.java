package io.weir.client.print;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.TimestampUnits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders internal field values as the Flink SQL client shows them: {@code <NULL>}, {@code TRUE},
 * {@code 2020-04-15 08:05:00.000} for a {@code TIMESTAMP(3)}, {@code TIMESTAMP_LTZ} in the session
 * time zone, decimals with their scale, {@code [1, 2]} arrays, {@code {k=v}} maps, {@code (a, b)} rows.
 */
public final class ValueFormatter {
    public static final String NULL = "<NULL>";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId sessionZone;

    public ValueFormatter(ZoneId sessionZone) {
        this.sessionZone = sessionZone;
    }

    public String format(Object value, DataType type) {
        if (value == null) {
            return NULL;
        }
        switch (type.root()) {
            case BOOLEAN:
                return ((Boolean) value) ? "TRUE" : "FALSE";
            case DECIMAL:
                BigDecimal d = (BigDecimal) value;
                return (type.scale() >= 0 && d.scale() != type.scale() ? d.setScale(type.scale(), java.math.RoundingMode.HALF_UP) : d).toPlainString();
            case DATE:
                return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
            case TIME:
                return withFraction(LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).format(TIME),
                    ((Number) value).longValue() % 1000, Math.max(0, type.precision()));
            case TIMESTAMP:
                return timestamp(TimestampUnits.toLocalDateTime(((Number) value).longValue(), type.precision()),
                    type.precision());
            case TIMESTAMP_LTZ:
                Instant instant = TimestampUnits.toInstant(((Number) value).longValue(), type.precision());
                return timestamp(LocalDateTime.ofInstant(instant, sessionZone), type.precision());
            case INTERVAL_DAY_TIME:
                return intervalDayTime(((Number) value).longValue());
            case INTERVAL_YEAR_MONTH:
                int months = ((Number) value).intValue();
                return (months < 0 ? "-" : "+") + Math.abs(months) / 12 + "-" + String.format("%02d", Math.abs(months) % 12);
            case BINARY:
            case VARBINARY:
                return hex((byte[]) value);
            case ARRAY:
            case MULTISET:
                return value instanceof List ? list((List<?>) value, type.elementType()) : map((Map<?, ?>) value, type.elementType(), DataType.integer());
            case MAP:
                return map((Map<?, ?>) value, type.keyType(), type.valueType());
            case ROW:
                return row((Row) value, type);
            default:
                return value.toString();
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} and exactly {@code precision} fraction digits, as Flink prints it. */
    private static String timestamp(LocalDateTime ldt, int precision) {
        String base = ldt.format(DATE_TIME);
        int p = Math.max(0, Math.min(precision, 9));
        return p == 0 ? base : base + "." + String.format("%09d", ldt.getNano()).substring(0, p);
    }

    private static String withFraction(String base, long millis, int precision) {
        if (precision <= 0) {
            return base;
        }
        String frac = String.format("%03d", millis);
        if (precision <= 3) {
            return base + "." + frac.substring(0, precision);
        }
        return base + "." + frac + "0".repeat(precision - 3); // TIME values are kept in milliseconds
    }

    private static String intervalDayTime(long millis) {
        String sign = millis < 0 ? "-" : "+";
        long m = Math.abs(millis);
        long days = m / 86_400_000L;
        m %= 86_400_000L;
        return String.format("%s%d %02d:%02d:%02d.%03d", sign, days, m / 3_600_000L, (m / 60_000L) % 60, (m / 1000L) % 60, m % 1000L);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("x'");
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.append('\'').toString();
    }

    private String list(List<?> values, DataType element) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(nested(values.get(i), element));
        }
        return sb.append(']').toString();
    }

    private String map(Map<?, ?> values, DataType keyType, DataType valueType) {
        StringBuilder sb = new StringBuilder("{");
        Iterator<? extends Map.Entry<?, ?>> it = values.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            sb.append(nested(e.getKey(), keyType)).append('=').append(nested(e.getValue(), valueType));
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }

    private String row(Row r, DataType type) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < r.arity(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(nested(r.getField(i), type.rowType().fieldType(i)));
        }
        return sb.append(')').toString();
    }

    private String nested(Object v, DataType t) {
        return v == null ? "NULL" : format(v, t);
    }

    /** The width a column of this type needs in tableau output, as Flink estimates it. */
    public static int displayWidth(DataType type, int maxColumnWidth) {
        switch (type.root()) {
            case BOOLEAN: return 6;
            case TINYINT: return 4;
            case SMALLINT: return 6;
            case INTEGER: return 11;
            case BIGINT: return 20;
            case FLOAT:
            case DOUBLE: return Math.min(maxColumnWidth, 22);
            case DECIMAL: return Math.min(maxColumnWidth, Math.max(type.precision() + 2, 6));
            case DATE: return 10;
            case TIME: return 8 + (type.precision() > 0 ? type.precision() + 1 : 0);
            case TIMESTAMP:
            case TIMESTAMP_LTZ: return 19 + (type.precision() > 0 ? type.precision() + 1 : 0);
            case CHAR:
            case VARCHAR: return Math.min(maxColumnWidth, Math.max(6, type.length()));
            default: return maxColumnWidth;
        }
    }
}
