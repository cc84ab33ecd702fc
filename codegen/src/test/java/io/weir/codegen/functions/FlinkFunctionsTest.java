package io.weir.codegen.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.runtime.generated.FunctionContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

/** The fast paths of {@link FlinkFunctions} agree with the general ones. */
class FlinkFunctionsTest {
    private static final String[] PATTERNS = {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "HH:mm", "yyyyMMddHH",
        "yyyy-MM-dd HH:mm:ss.SSS", "dd/MM/yyyy"};

    @Test
    void shouldFormatLikeDateTimeFormatter() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong() % 4_000_000_000_000L; // about 1843..2096
            LocalDateTime ldt = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
            for (String p : PATTERNS) {
                assertEquals(DateTimeFormatter.ofPattern(p).format(ldt), FlinkFunctions.dateFormat(millis, p),
                    p + " of " + millis);
            }
        }
    }

    @Test
    void shouldFallBackForOtherPatterns() {
        long millis = LocalDateTime.of(2024, 3, 5, 14, 30).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertEquals("Tue 05 Mar 2024", FlinkFunctions.dateFormat(millis, "EEE dd MMM yyyy"));
        assertEquals("2024-03-05T14", FlinkFunctions.dateFormat(millis, "yyyy-MM-dd'T'HH"));
    }

    @Test
    void shouldFormatInstantsInFixedAndRegionZones() {
        long millis = LocalDateTime.of(2024, 3, 5, 14, 30).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertEquals("2024-03-05 16:30", FlinkFunctions.dateFormatLtz(millis, "yyyy-MM-dd HH:mm",
            FunctionContext.of(ZoneOffset.ofHours(2))));
        assertEquals("2024-03-05 15:30", FlinkFunctions.dateFormatLtz(millis, "yyyy-MM-dd HH:mm",
            FunctionContext.of(ZoneId.of("Europe/Berlin"))));
    }

    @Test
    void shouldSplitLikeFlinksStringUtilsCall() {
        String[] texts = {"a,b,c", "a,,c", ",a", "a,", ",", "abc", "a::b::::c", "  a  b ", "x"};
        String[] separators = {",", "::", ":", "b", " ", ""};
        for (String t : texts) {
            for (String sep : separators) {
                String[] tokens = StringUtils.splitByWholeSeparatorPreserveAllTokens(t, sep);
                for (int i = 0; i < 6; i++) {
                    assertEquals(i < tokens.length ? tokens[i] : null, FlinkFunctions.splitIndex(t, sep, i),
                        "'" + t + "' split at '" + sep + "' token " + i);
                }
            }
        }
        assertNull(FlinkFunctions.splitIndex("", ",", 0));
    }
}
