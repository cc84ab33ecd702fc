-- The Nexmark input over the built-in generator: the person, auction and bid tables of the
-- nexmark connector ('event.type' flat tables), Nexmark's proportions 2/6/92, unthrottled, over
-- the first ${events} events of the stream, watermark dateTime - 4 s. The same events as
-- NexmarkFiles writes for --input json.
--
-- Not examples/nexmark/ddl.sql (Flink's combined datagen table plus views): its computed column
-- CASE ... THEN person.dateTime ... fails to plan ("Table 'person' not found"); see BENCHMARKS.md.
-- Like the JSON input, a flat table generates only the event type a query reads.
CREATE TABLE person (
  id BIGINT,
  name VARCHAR,
  emailAddress VARCHAR,
  creditCard VARCHAR,
  city VARCHAR,
  state VARCHAR,
  `dateTime` TIMESTAMP(3),
  extra VARCHAR,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark', 'event.type' = 'person', 'events.num' = '${events}',
  'first-event.rate' = '10000000', 'next-event.rate' = '10000000', 'rate.limited' = 'false',
  'person.proportion' = '2', 'auction.proportion' = '6', 'bid.proportion' = '92'
);

CREATE TABLE auction (
  id BIGINT,
  itemName VARCHAR,
  description VARCHAR,
  initialBid BIGINT,
  reserve BIGINT,
  `dateTime` TIMESTAMP(3),
  expires TIMESTAMP(3),
  seller BIGINT,
  category BIGINT,
  extra VARCHAR,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark', 'event.type' = 'auction', 'events.num' = '${events}',
  'first-event.rate' = '10000000', 'next-event.rate' = '10000000', 'rate.limited' = 'false',
  'person.proportion' = '2', 'auction.proportion' = '6', 'bid.proportion' = '92'
);

CREATE TABLE bid (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  channel VARCHAR,
  url VARCHAR,
  `dateTime` TIMESTAMP(3),
  extra VARCHAR,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark', 'event.type' = 'bid', 'events.num' = '${events}',
  'first-event.rate' = '10000000', 'next-event.rate' = '10000000', 'rate.limited' = 'false',
  'person.proportion' = '2', 'auction.proportion' = '6', 'bid.proportion' = '92'
);
