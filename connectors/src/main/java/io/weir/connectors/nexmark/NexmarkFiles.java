package io.weir.connectors.nexmark;

import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.format.json.JsonRowEncoder;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Nexmark stream as three NDJSON files, {@code person.json}, {@code auction.json} and
 * {@code bid.json}, with {@code dateTime} (and {@code expires}) as {@code yyyy-MM-dd HH:mm:ss.SSS}.
 *
 * <p>Usage: {@code NexmarkFiles <output-dir> <events> [option=value ...]} with the nexmark
 * connector's options, e.g. {@code bid.proportion=46}.
 */
public final class NexmarkFiles {
    private NexmarkFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: NexmarkFiles <output-dir> <events> [option=value ...]");
            System.exit(2);
        }
        Configuration options = new Configuration();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected option=value but was '" + args[i] + "'");
            }
            options.setString(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        long[] counts = write(Path.of(args[0]), Long.parseLong(args[1]), NexmarkConfig.from(options));
        System.out.printf("wrote %d persons, %d auctions, %d bids to %s%n", counts[0], counts[1], counts[2], args[0]);
    }

    /** Writes events {@code 0 .. events-1}; returns the number of persons, auctions and bids. */
    public static long[] write(Path dir, long events, NexmarkConfig config) throws IOException {
        Files.createDirectories(dir);
        NexmarkModel model = new NexmarkModel(config);
        long[] counts = new long[3];
        try (OutputStream p = out(dir, "person.json"); OutputStream a = out(dir, "auction.json");
             OutputStream b = out(dir, "bid.json")) {
            OutputStream[] outs = {p, a, b};
            JsonRowEncoder[] encoders = {
                new JsonRowEncoder(flatType(NexmarkModel.PERSON_FIELDS), false),
                new JsonRowEncoder(flatType(NexmarkModel.AUCTION_FIELDS), false),
                new JsonRowEncoder(flatType(NexmarkModel.BID_FIELDS), false)};
            for (long id = 0; id < events; id++) {
                int type = model.typeOf(id);
                encoders[type].encode(io.weir.runtime.data.Row.of(model.event(id)), outs[type]);
                outs[type].write('\n');
                counts[type]++;
            }
        }
        return counts;
    }

    /** The flat row type of one event type (BIGINT ids and amounts, STRING text, TIMESTAMP(3) times). */
    public static RowType flatType(String[] fields) {
        DataType[] types = new DataType[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            types[i] = f.equals("dateTime") || f.equals("expires") ? DataType.timestamp(3)
                : f.matches("id|initialBid|reserve|seller|category|auction|bidder|price") ? DataType.bigint() : DataType.string();
        }
        return RowType.of(fields, types);
    }

    private static OutputStream out(Path dir, String name) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
    }
}
