package io.weir.runtime.connector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactoryUtilTest {
    enum Mode { FAST, SAFE }

    static final ConfigOption<String> PATH = ConfigOptions.key("path").stringType(null);
    static final ConfigOption<Mode> MODE = ConfigOptions.key("mode").enumType(Mode.class, Mode.SAFE);
    static final ConfigOption<Integer> ROWS = ConfigOptions.key("rows").intType(10);

    static final class Fake implements Factory {
        @Override
        public String identifier() {
            return "fake";
        }

        @Override
        public Set<ConfigOption<?>> requiredOptions() {
            return Set.of(PATH);
        }

        @Override
        public Set<ConfigOption<?>> optionalOptions() {
            return Set.of(MODE, ROWS);
        }

        @Override
        public Set<String> optionalOptionPrefixes() {
            return Set.of("fields.");
        }
    }

    private static String fail(Map<String, String> options) {
        return assertThrows(ValidationException.class,
            () -> FactoryUtil.validateOptions(new Fake(), "db.t", options, List.of())).getMessage();
    }

    @Test
    void shouldAcceptDeclaredAndPrefixedOptions() {
        FactoryUtil.validateOptions(new Fake(), "db.t",
            Map.of("connector", "fake", "path", "/x", "mode", "fast", "fields.a.kind", "random"), List.of());
    }

    @Test
    void whenARequiredOptionIsMissing_thenTheErrorNamesTableAndOption() {
        String m = fail(Map.of("connector", "fake"));
        assertTrue(m.contains("'db.t'") && m.contains("'path'"), m);
    }

    @Test
    void whenAnOptionIsUnknown_thenTheErrorListsTheSupportedOnes() {
        String m = fail(Map.of("connector", "fake", "path", "/x", "pth", "y"));
        assertTrue(m.contains("'pth'") && m.contains("mode") && m.contains("rows") && m.contains("fields."), m);
    }

    @Test
    void whenAValueIsInvalid_thenTheErrorNamesOptionAndValidChoices() {
        String m = fail(Map.of("connector", "fake", "path", "/x", "mode", "turbo"));
        assertTrue(m.contains("'mode'") && m.contains("FAST") && m.contains("SAFE"), m);
        assertTrue(fail(Map.of("connector", "fake", "path", "/x", "rows", "many")).contains("'rows'"));
    }

    @Test
    void whenNoFactoryHasTheIdentifier_thenTheErrorNamesItAndTheTable() {
        String m = assertThrows(ValidationException.class, () -> FactoryUtil.discoverFactory(
            getClass().getClassLoader(), TableSourceFactory.class, "nope", "connector", "db.t")).getMessage();
        assertTrue(m.contains("'nope'") && m.contains("'db.t'"), m);
    }
}
