package io.weir.connectors.nexmark;

import java.util.SplittableRandom;

/**
 * The Nexmark auction-site model: which event number is a person, an auction or a bid, and the
 * contents of each, following the standard generator (Beam / Flink nexmark): ids derived from the
 * event number so that foreign keys mostly point at existing rows, "hot" sellers, bidders and
 * auctions, prices {@code round(10^(6 u) * 100)}, auctions expiring about
 * {@value NexmarkConfig#NUM_IN_FLIGHT_AUCTIONS} auctions into the future, and padding
 * ({@code extra}) towards the average sizes.
 *
 * <p>Unlike Flink's generator, every event draws from its own random generator seeded by its event
 * number, so the stream is the same at any parallelism and after a restore. Thread-safe.
 */
public final class NexmarkModel {
    public static final int PERSON = 0;
    public static final int AUCTION = 1;
    public static final int BID = 2;

    /** Field names of each type, in the order of the arrays this class returns. */
    public static final String[] PERSON_FIELDS = {"id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra"};
    public static final String[] AUCTION_FIELDS = {"id", "itemName", "description", "initialBid", "reserve", "dateTime",
        "expires", "seller", "category", "extra"};
    public static final String[] BID_FIELDS = {"auction", "bidder", "price", "channel", "url", "dateTime", "extra"};

    private static final String[] US_STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    private static final String[] US_CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
        "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
        "Sarah", "Deiter", "Walter"};
    private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith",
        "Jones", "Noris"};
    private static final int NUM_CATEGORIES = 5;
    private static final int ID_LEAD = 10;
    private static final int HOT_BATCH = 100;
    private static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
    private static final int CHANNELS = 10_000;
    private static final String[] HOT_URLS = new String[HOT_CHANNELS.length];
    private static final String[] CHANNEL_URLS = new String[CHANNELS];

    static {
        SplittableRandom r = new SplittableRandom(0);
        for (int i = 0; i < HOT_URLS.length; i++) {
            HOT_URLS[i] = baseUrl(r);
        }
        for (int i = 0; i < CHANNELS; i++) {
            String url = baseUrl(r);
            CHANNEL_URLS[i] = r.nextInt(10) > 0 ? url + "&channel_id=" + Math.abs(Integer.reverse(i)) : url;
        }
    }

    private final NexmarkConfig config;

    public NexmarkModel(NexmarkConfig config) {
        this.config = config;
    }

    public NexmarkConfig config() {
        return config;
    }

    /** {@link #PERSON}, {@link #AUCTION} or {@link #BID}. */
    public int typeOf(long eventId) {
        long rem = eventId % config.totalProportion();
        return rem < config.personProportion() ? PERSON : rem < config.personProportion() + config.auctionProportion() ? AUCTION : BID;
    }

    /** The event number of the {@code k}-th event of {@code type} (base 0). */
    public long eventIdOf(int type, long k) {
        int p = type == PERSON ? config.personProportion() : type == AUCTION ? config.auctionProportion() : config.bidProportion();
        int before = type == PERSON ? 0 : type == AUCTION ? config.personProportion() : config.personProportion() + config.auctionProportion();
        return (k / p) * config.totalProportion() + before + k % p;
    }

    /** How many of the first {@code numEvents} events are of {@code type}. */
    public long countOf(int type, long numEvents) {
        long full = numEvents / config.totalProportion();
        long rem = numEvents % config.totalProportion();
        int p = type == PERSON ? config.personProportion() : type == AUCTION ? config.auctionProportion() : config.bidProportion();
        int before = type == PERSON ? 0 : type == AUCTION ? config.personProportion() : config.personProportion() + config.auctionProportion();
        return full * p + Math.max(0, Math.min(p, rem - before));
    }

    /** The values of event {@code eventId} in the order of its type's field names. */
    public Object[] event(long eventId) {
        SplittableRandom r = new SplittableRandom(mix(eventId));
        long ts = config.timestampForEvent(eventId);
        switch (typeOf(eventId)) {
            case PERSON: return person(eventId, r, ts);
            case AUCTION: return auction(eventId, r, ts);
            default: return bid(eventId, r, ts);
        }
    }

    private Object[] person(long eventId, SplittableRandom r, long ts) {
        long id = config.lastBase0PersonId(eventId) + NexmarkConfig.FIRST_PERSON_ID;
        String name = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[r.nextInt(LAST_NAMES.length)];
        String email = string(r, 7) + "@" + string(r, 5) + ".com";
        String card = creditCard(r);
        String city = US_CITIES[r.nextInt(US_CITIES.length)];
        String state = US_STATES[r.nextInt(US_STATES.length)];
        int size = 8 + name.length() + email.length() + card.length() + city.length() + state.length();
        return new Object[] {id, name, email, card, city, state, ts, extra(r, size, config.avgPersonSize())};
    }

    private Object[] auction(long eventId, SplittableRandom r, long ts) {
        long id = config.lastBase0AuctionId(eventId) + NexmarkConfig.FIRST_AUCTION_ID;
        long seller = r.nextInt(config.hotSellersRatio()) > 0
            ? (config.lastBase0PersonId(eventId) / HOT_BATCH) * HOT_BATCH
            : randomPerson(eventId, r);
        seller += NexmarkConfig.FIRST_PERSON_ID;
        long category = NexmarkConfig.FIRST_CATEGORY_ID + r.nextInt(NUM_CATEGORIES);
        long initialBid = price(r);
        long expires = ts + auctionLengthMs(eventId, r, ts);
        String name = string(r, 20);
        String desc = string(r, 100);
        long reserve = initialBid + price(r);
        int size = 8 + name.length() + desc.length() + 8 + 8 + 8 + 8 + 8;
        return new Object[] {id, name, desc, initialBid, reserve, ts, expires, seller, category,
            extra(r, size, config.avgAuctionSize())};
    }

    private Object[] bid(long eventId, SplittableRandom r, long ts) {
        long auction = r.nextInt(config.hotAuctionRatio()) > 0
            ? (config.lastBase0AuctionId(eventId) / HOT_BATCH) * HOT_BATCH
            : randomAuction(eventId, r);
        auction += NexmarkConfig.FIRST_AUCTION_ID;
        long bidder = r.nextInt(config.hotBiddersRatio()) > 0
            ? (config.lastBase0PersonId(eventId) / HOT_BATCH) * HOT_BATCH + 1
            : randomPerson(eventId, r);
        bidder += NexmarkConfig.FIRST_PERSON_ID;
        long price = price(r);
        String channel;
        String url;
        if (r.nextInt(2) > 0) {
            int i = r.nextInt(HOT_CHANNELS.length);
            channel = HOT_CHANNELS[i];
            url = HOT_URLS[i];
        } else {
            int i = r.nextInt(CHANNELS);
            channel = "channel-" + i;
            url = CHANNEL_URLS[i];
        }
        return new Object[] {auction, bidder, price, channel, url, ts, extra(r, 32, config.avgBidSize())};
    }

    /** A person among the active ones, or slightly ahead of the last one created. */
    private long randomPerson(long eventId, SplittableRandom r) {
        long numPeople = config.lastBase0PersonId(eventId) + 1;
        long active = Math.min(numPeople, NexmarkConfig.NUM_ACTIVE_PEOPLE);
        return numPeople - active + r.nextLong(active + ID_LEAD);
    }

    /** An auction among those likely still open, or slightly ahead of the last one created. */
    private long randomAuction(long eventId, SplittableRandom r) {
        long max = config.lastBase0AuctionId(eventId);
        long min = Math.max(max - NexmarkConfig.NUM_IN_FLIGHT_AUCTIONS, 0);
        return min + r.nextLong(max - min + 1 + ID_LEAD);
    }

    /** An auction lasts on average until {@code NUM_IN_FLIGHT_AUCTIONS} more auctions have been created. */
    private long auctionLengthMs(long eventId, SplittableRandom r, long ts) {
        long eventsForAuctions = ((long) NexmarkConfig.NUM_IN_FLIGHT_AUCTIONS * config.totalProportion()) / config.auctionProportion();
        long horizon = config.timestampForEvent(eventId + eventsForAuctions) - ts;
        return 1L + r.nextLong(Math.max(horizon * 2, 1L));
    }

    private static long price(SplittableRandom r) {
        return Math.round(Math.pow(10.0, r.nextDouble() * 6.0) * 100.0);
    }

    /** Letters and some spaces, 3 to {@code maxLength - 1} characters before trimming. */
    private static String string(SplittableRandom r, int maxLength) {
        int len = 3 + r.nextInt(maxLength - 3);
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = r.nextInt(13) == 0 ? ' ' : (char) ('a' + r.nextInt(26));
        }
        return new String(c).trim();
    }

    private static String creditCard(SplittableRandom r) {
        StringBuilder sb = new StringBuilder(19);
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            int n = r.nextInt(10000);
            sb.append(n < 1000 ? n < 100 ? n < 10 ? "000" : "00" : "0" : "").append(n);
        }
        return sb.toString();
    }

    /** Padding so that an event's size averages {@code avgSize} (uniform within +-20%). */
    private static String extra(SplittableRandom r, int currentSize, int avgSize) {
        if (currentSize > avgSize) {
            return "";
        }
        int desired = avgSize - currentSize;
        int delta = (int) Math.round(desired * 0.2);
        int len = desired - delta + (delta == 0 ? 0 : r.nextInt(2 * delta));
        byte[] c = new byte[len];
        long bits = 0;
        for (int i = 0; i < len; i++) {
            if (i % 12 == 0) {
                bits = r.nextLong(); // 12 letters of 5 bits each per draw: padding need not be uniform
            }
            c[i] = (byte) ('a' + (int) ((bits & 31) % 26));
            bits >>>= 5;
        }
        return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String baseUrl(SplittableRandom r) {
        return "https://www.nexmark.com/" + letters(r, 5) + "/" + letters(r, 5) + "/" + letters(r, 5) + "/item.htm?query=1";
    }

    private static String letters(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(c);
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
