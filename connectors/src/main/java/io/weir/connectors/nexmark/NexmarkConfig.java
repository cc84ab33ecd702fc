package io.weir.connectors.nexmark;

import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.ConnectorOptions.Nexmark;
import io.weir.connectors.format.TimeFormats;

/**
 * The parameters of the Nexmark model (Flink nexmark's defaults): event proportions, rate,
 * average sizes, hot ratios, and the event time of the first event.
 */
public record NexmarkConfig(int personProportion, int auctionProportion, int bidProportion, int eventsPerSecond,
                            long numEvents, int avgPersonSize, int avgAuctionSize, int avgBidSize,
                            int hotAuctionRatio, int hotBiddersRatio, int hotSellersRatio,
                            boolean rateLimited, long baseTime) {

    /** 2015-07-15 00:00:00 UTC: a fixed default, so that a configuration always gives the same events. */
    public static final long DEFAULT_BASE_TIME = 1_436_918_400_000L;
    /** People among whom bidders and sellers are chosen (plus a small lead). */
    static final int NUM_ACTIVE_PEOPLE = 1000;
    /** Auctions considered open when choosing what a bid is for. */
    static final int NUM_IN_FLIGHT_AUCTIONS = 100;
    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    static final long FIRST_CATEGORY_ID = 10;

    public static NexmarkConfig defaults() {
        return from(new Configuration());
    }

    public static NexmarkConfig from(Configuration c) {
        return new NexmarkConfig(c.get(Nexmark.PERSON_PROPORTION), c.get(Nexmark.AUCTION_PROPORTION),
            c.get(Nexmark.BID_PROPORTION), c.get(Nexmark.FIRST_EVENT_RATE), c.get(Nexmark.EVENTS_NUM),
            c.get(Nexmark.PERSON_AVG_SIZE).intValue(), c.get(Nexmark.AUCTION_AVG_SIZE).intValue(),
            c.get(Nexmark.BID_AVG_SIZE).intValue(), c.get(Nexmark.BID_HOT_RATIO_AUCTIONS),
            c.get(Nexmark.BID_HOT_RATIO_BIDDERS), c.get(Nexmark.AUCTION_HOT_RATIO_SELLERS),
            c.get(Nexmark.RATE_LIMITED), parseBaseTime(c.get(Nexmark.BASE_TIME)));
    }

    static long parseBaseTime(String s) {
        if (s == null) {
            return DEFAULT_BASE_TIME;
        }
        String t = s.trim();
        try {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(t);
            }
            return TimeFormats.parseTimestamp(t.length() == 19 ? t + ".000" : t, t.indexOf('T') == 10);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value '" + s + "' for option '" + Nexmark.BASE_TIME.key()
                + "'. Valid values: epoch milliseconds or 'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC)", e);
        }
    }

    public int totalProportion() {
        return personProportion + auctionProportion + bidProportion;
    }

    /** Microseconds of event time between two consecutive events. */
    double interEventDelayUs() {
        return 1_000_000.0 / eventsPerSecond;
    }

    /** The event time of event number {@code n} (events are evenly spaced at the rate). */
    public long timestampForEvent(long n) {
        return baseTime + (long) (n * interEventDelayUs()) / 1000L;
    }

    /** The id (base 0) of the last person created at or before event {@code eventId}. */
    long lastBase0PersonId(long eventId) {
        long epoch = eventId / totalProportion();
        long offset = eventId % totalProportion();
        if (offset >= personProportion) {
            offset = personProportion - 1;
        }
        return epoch * personProportion + offset;
    }

    /** The id (base 0) of the last auction created at or before event {@code eventId}. */
    long lastBase0AuctionId(long eventId) {
        long epoch = eventId / totalProportion();
        long offset = eventId % totalProportion();
        if (offset < personProportion) {
            epoch--;
            offset = auctionProportion - 1;
        } else if (offset >= personProportion + auctionProportion) {
            offset = auctionProportion - 1;
        } else {
            offset -= personProportion;
        }
        return epoch * auctionProportion + offset;
    }

    void validate(String table) {
        if (personProportion <= 0 || auctionProportion <= 0 || bidProportion < 0) {
            throw new io.weir.runtime.connector.ValidationException("Table '" + table
                + "': 'person.proportion', 'auction.proportion' and 'bid.proportion' must be positive (bid.proportion may be 0)");
        }
        if (eventsPerSecond <= 0) {
            throw new io.weir.runtime.connector.ValidationException("Table '" + table
                + "': invalid value '" + eventsPerSecond + "' for option 'first-event.rate'. Valid values: a positive integer");
        }
    }
}
