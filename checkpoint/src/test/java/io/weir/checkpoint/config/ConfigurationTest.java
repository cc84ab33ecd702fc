package io.weir.checkpoint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    enum Mode { EXACTLY_ONCE, AT_LEAST_ONCE }

    static final ConfigOption<Duration> INTERVAL = ConfigOptions.key("execution.checkpointing.interval").durationType(null);
    static final ConfigOption<Mode> MODE = ConfigOptions.key("execution.checkpointing.mode").enumType(Mode.class, Mode.EXACTLY_ONCE);
    static final ConfigOption<String> PATH = ConfigOptions.key("execution.state-recovery.path").stringType(null)
        .withFallbackKeys("execution.savepoint.path");
    static final ConfigOption<Long> SIZE = ConfigOptions.key("x.size").memoryType(4096L);

    @Test
    void shouldParseFlinkDurationSyntax() {
        assertEquals(Duration.ofSeconds(10), ConfigOptions.parseDuration("10 s"));
        assertEquals(Duration.ofSeconds(10), ConfigOptions.parseDuration("10s"));
        assertEquals(Duration.ofMillis(500), ConfigOptions.parseDuration("500"));
        assertEquals(Duration.ofMinutes(1), ConfigOptions.parseDuration("1 min"));
        assertEquals(Duration.ofHours(2), ConfigOptions.parseDuration("2 h"));
        assertEquals(Duration.ofSeconds(3), ConfigOptions.parseDuration("PT3S"));
        assertThrows(IllegalArgumentException.class, () -> ConfigOptions.parseDuration("10 parsecs"));
    }

    @Test
    void shouldParseMemorySizes() {
        assertEquals(64L << 20, ConfigOptions.parseMemorySize("64mb"));
        assertEquals(1L << 30, ConfigOptions.parseMemorySize("1 gb"));
        assertEquals(20L << 10, ConfigOptions.parseMemorySize("20 kb"));
        assertEquals(4096L, ConfigOptions.parseMemorySize("4096"));
    }

    @Test
    void shouldReadTypedValuesDefaultsAndFallbackKeys() {
        Configuration c = new Configuration();
        assertEquals(Mode.EXACTLY_ONCE, c.get(MODE));
        assertFalse(c.contains(INTERVAL));
        c.setString("execution.checkpointing.interval", "10 s");
        c.setString("execution.checkpointing.mode", "at_least_once");
        c.setString("execution.savepoint.path", "/tmp/chk-1");
        assertEquals(Duration.ofSeconds(10), c.get(INTERVAL));
        assertEquals(Mode.AT_LEAST_ONCE, c.get(MODE));
        assertEquals("/tmp/chk-1", c.get(PATH));
        assertTrue(c.contains(PATH));
        assertEquals(4096L, c.get(SIZE));
    }

    @Test
    void shouldNameTheKeyInABadValueError() {
        Configuration c = new Configuration().setString("execution.checkpointing.mode", "SOMETIMES");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.get(MODE));
        assertTrue(e.getMessage().contains("execution.checkpointing.mode"), e.getMessage());
        assertTrue(e.getMessage().contains("EXACTLY_ONCE"), e.getMessage());
    }
}
