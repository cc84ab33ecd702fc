package io.weir.connectors;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;

import java.time.Duration;
import java.util.List;

/**
 * Every option of Weir's connectors and formats, grouped by connector or format. Keys are
 * Flink's, so that a Flink {@code CREATE TABLE ... WITH (...)} works unchanged.
 */
public final class ConnectorOptions {
    private ConnectorOptions() {
    }

    /** Options every table has. */
    public static final class Common {
        public static final ConfigOption<String> CONNECTOR = ConfigOptions.key("connector").stringType(null)
            .withDescription("The connector identifier, e.g. 'filesystem', 'datagen'.");
        public static final ConfigOption<String> FORMAT = ConfigOptions.key("format").stringType(null)
            .withDescription("The format identifier, e.g. 'json', 'csv', 'avro', 'debezium-json'.");
        private Common() {
        }
    }

    /** How timestamps are written in JSON text. */
    public enum TimestampStandard { SQL, ISO_8601 }

    /** The 'json' format. */
    public static final class Json {
        public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("json.ignore-parse-errors")
            .booleanType(false).withDescription("Skip (and count) malformed records instead of failing.");
        public static final ConfigOption<Boolean> FAIL_ON_MISSING_FIELD = ConfigOptions.key("json.fail-on-missing-field")
            .booleanType(false).withDescription("Fail when a field of the schema is absent (else it is null).");
        public static final ConfigOption<TimestampStandard> TIMESTAMP_FORMAT = ConfigOptions.key("json.timestamp-format.standard")
            .enumType(TimestampStandard.class, TimestampStandard.SQL)
            .withDescription("'SQL' (yyyy-MM-dd HH:mm:ss.SSS) or 'ISO-8601' (yyyy-MM-ddTHH:mm:ss.SSS).");
        public static final List<ConfigOption<?>> ALL = List.of(IGNORE_PARSE_ERRORS, FAIL_ON_MISSING_FIELD, TIMESTAMP_FORMAT);
        private Json() {
        }
    }

    /** The 'debezium-json' format. */
    public static final class DebeziumJson {
        public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("debezium-json.ignore-parse-errors")
            .booleanType(false).withDescription("Skip (and count) malformed records instead of failing.");
        public static final ConfigOption<Boolean> SCHEMA_INCLUDE = ConfigOptions.key("debezium-json.schema-include")
            .booleanType(false).withDescription("Records are wrapped as {\"schema\": ..., \"payload\": ...}.");
        public static final ConfigOption<TimestampStandard> TIMESTAMP_FORMAT = ConfigOptions.key("debezium-json.timestamp-format.standard")
            .enumType(TimestampStandard.class, TimestampStandard.SQL).withDescription("'SQL' or 'ISO-8601'.");
        public static final List<ConfigOption<?>> ALL = List.of(IGNORE_PARSE_ERRORS, SCHEMA_INCLUDE, TIMESTAMP_FORMAT);
        private DebeziumJson() {
        }
    }

    /** The 'csv' format. */
    public static final class Csv {
        public static final ConfigOption<String> FIELD_DELIMITER = ConfigOptions.key("csv.field-delimiter")
            .stringType(",").withDescription("One character separating fields; '\\t' for tab.");
        public static final ConfigOption<String> QUOTE_CHARACTER = ConfigOptions.key("csv.quote-character")
            .stringType("\"").withDescription("The character enclosing fields that contain delimiters or quotes.");
        public static final ConfigOption<Boolean> DISABLE_QUOTE_CHARACTER = ConfigOptions.key("csv.disable-quote-character")
            .booleanType(false).withDescription("Never quote or unquote fields.");
        public static final ConfigOption<String> NULL_LITERAL = ConfigOptions.key("csv.null-literal")
            .stringType(null).withDescription("The text that stands for NULL (by default an empty unquoted field is NULL for non-string types).");
        public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("csv.ignore-parse-errors")
            .booleanType(false).withDescription("Skip (and count) malformed records instead of failing.");
        public static final ConfigOption<Boolean> ALLOW_COMMENTS = ConfigOptions.key("csv.allow-comments")
            .booleanType(false).withDescription("Skip lines starting with '#'.");
        public static final List<ConfigOption<?>> ALL = List.of(FIELD_DELIMITER, QUOTE_CHARACTER, DISABLE_QUOTE_CHARACTER,
            NULL_LITERAL, IGNORE_PARSE_ERRORS, ALLOW_COMMENTS);
        private Csv() {
        }
    }

    /** The 'avro' format. */
    public static final class Avro {
        public static final ConfigOption<String> CODEC = ConfigOptions.key("avro.codec")
            .stringType("null").withDescription("Compression of Avro container files: null, deflate or bzip2.");
        public static final List<ConfigOption<?>> ALL = List.of(CODEC);
        private Avro() {
        }
    }

    /** The 'datagen' connector. */
    public static final class DataGen {
        public static final ConfigOption<Long> ROWS_PER_SECOND = ConfigOptions.key("rows-per-second").longType(10000L)
            .withDescription("Rows per second for the whole source (0 = unthrottled).");
        public static final ConfigOption<Long> NUMBER_OF_ROWS = ConfigOptions.key("number-of-rows").longType(null)
            .withDescription("Total rows; unbounded when absent (unless a sequence field bounds it).");
        public static final ConfigOption<Long> SEED = ConfigOptions.key("seed").longType(0L)
            .withDescription("Seed of the random fields; the same seed gives the same rows.");
        public static final String FIELDS_PREFIX = "fields.";
        public static final List<String> FIELD_SUFFIXES = List.of("kind", "min", "max", "length", "start", "end", "null-rate", "var-len", "max-past");
        public static final List<ConfigOption<?>> ALL = List.of(ROWS_PER_SECOND, NUMBER_OF_ROWS, SEED);
        private DataGen() {
        }
    }

    /** The 'nexmark' connector (Flink nexmark's option names). */
    public static final class Nexmark {
        public static final ConfigOption<Integer> FIRST_EVENT_RATE = ConfigOptions.key("first-event.rate").intType(10000)
            .withDescription("Events per second (event time, and wall clock when rate-limited).");
        public static final ConfigOption<Integer> NEXT_EVENT_RATE = ConfigOptions.key("next-event.rate").intType(10000)
            .withDescription("Must equal first-event.rate: a changing rate shape is not supported yet.");
        public static final ConfigOption<Long> EVENTS_NUM = ConfigOptions.key("events.num").longType(0L)
            .withDescription("Total events (0 = unbounded).");
        public static final ConfigOption<Integer> PERSON_PROPORTION = ConfigOptions.key("person.proportion").intType(1);
        public static final ConfigOption<Integer> AUCTION_PROPORTION = ConfigOptions.key("auction.proportion").intType(3);
        public static final ConfigOption<Integer> BID_PROPORTION = ConfigOptions.key("bid.proportion").intType(46);
        public static final ConfigOption<Long> PERSON_AVG_SIZE = ConfigOptions.key("person.avg-size").memoryType(200L);
        public static final ConfigOption<Long> AUCTION_AVG_SIZE = ConfigOptions.key("auction.avg-size").memoryType(500L);
        public static final ConfigOption<Long> BID_AVG_SIZE = ConfigOptions.key("bid.avg-size").memoryType(100L);
        public static final ConfigOption<Integer> BID_HOT_RATIO_AUCTIONS = ConfigOptions.key("bid.hot-ratio.auctions").intType(2);
        public static final ConfigOption<Integer> BID_HOT_RATIO_BIDDERS = ConfigOptions.key("bid.hot-ratio.bidders").intType(4);
        public static final ConfigOption<Integer> AUCTION_HOT_RATIO_SELLERS = ConfigOptions.key("auction.hot-ratio.sellers").intType(4);
        public static final ConfigOption<Boolean> RATE_LIMITED = ConfigOptions.key("rate.limited").booleanType(true)
            .withDescription("Emit at the event rate in wall-clock time; 'false' emits as fast as possible (benchmarks).");
        public static final ConfigOption<String> EVENT_TYPE = ConfigOptions.key("event.type").stringType(null)
            .withDescription("'person', 'auction' or 'bid': a table of only that type with flat columns.");
        public static final ConfigOption<String> BASE_TIME = ConfigOptions.key("base-time").stringType(null)
            .withDescription("Event time of the first event: epoch millis or 'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC); default 2015-07-15 00:00:00.");
        public static final List<ConfigOption<?>> ALL = List.of(FIRST_EVENT_RATE, NEXT_EVENT_RATE, EVENTS_NUM,
            PERSON_PROPORTION, AUCTION_PROPORTION, BID_PROPORTION, PERSON_AVG_SIZE, AUCTION_AVG_SIZE, BID_AVG_SIZE,
            BID_HOT_RATIO_AUCTIONS, BID_HOT_RATIO_BIDDERS, AUCTION_HOT_RATIO_SELLERS, RATE_LIMITED, EVENT_TYPE, BASE_TIME);
        private Nexmark() {
        }
    }

    /** The 'filesystem' connector. */
    public static final class FileSystem {
        public static final ConfigOption<String> PATH = ConfigOptions.key("path").stringType(null)
            .withDescription("A file or a directory.");
        public static final ConfigOption<Duration> SOURCE_MONITOR_INTERVAL = ConfigOptions.key("source.monitor-interval")
            .durationType(null).withDescription("When set, the source keeps running and discovers new files at this interval.");
        public static final ConfigOption<Long> ROLLING_FILE_SIZE = ConfigOptions.key("sink.rolling-policy.file-size")
            .memoryType(128L << 20).withDescription("Roll a part file when it reaches this size.");
        public static final ConfigOption<Duration> ROLLOVER_INTERVAL = ConfigOptions.key("sink.rolling-policy.rollover-interval")
            .durationType(Duration.ofMinutes(30)).withDescription("Roll a part file when it is open this long.");
        public static final ConfigOption<Duration> ROLLING_CHECK_INTERVAL = ConfigOptions.key("sink.rolling-policy.check-interval")
            .durationType(Duration.ofMinutes(1)).withDescription("Accepted for compatibility with Flink: the rollover "
                + "interval is checked on every written row and files are closed at every checkpoint.");
        public static final ConfigOption<String> PARTITION_DEFAULT_NAME = ConfigOptions.key("partition.default-name")
            .stringType("__DEFAULT_PARTITION__").withDescription("Directory name of a NULL or empty partition value.");
        public static final ConfigOption<Duration> LOOKUP_JOIN_CACHE_TTL = ConfigOptions.key("lookup.join.cache.ttl")
            .durationType(Duration.ofMinutes(60)).withDescription("As the right side of a lookup join, the whole table is"
                + " kept in memory and read again on the first lookup after it is this old.");
        public static final List<ConfigOption<?>> ALL = List.of(SOURCE_MONITOR_INTERVAL, ROLLING_FILE_SIZE,
            ROLLOVER_INTERVAL, ROLLING_CHECK_INTERVAL, PARTITION_DEFAULT_NAME, LOOKUP_JOIN_CACHE_TTL);
        private FileSystem() {
        }
    }

    /** The 'print' connector. */
    public static final class Print {
        public static final ConfigOption<String> PRINT_IDENTIFIER = ConfigOptions.key("print-identifier").stringType(null)
            .withDescription("A prefix for every printed line.");
        public static final ConfigOption<Boolean> STANDARD_ERROR = ConfigOptions.key("standard-error").booleanType(false)
            .withDescription("Print to standard error instead of standard output.");
        public static final List<ConfigOption<?>> ALL = List.of(PRINT_IDENTIFIER, STANDARD_ERROR);
        private Print() {
        }
    }
}
