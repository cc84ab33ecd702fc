-- nexmark: the Nexmark auction stream as one table per event type ('event.type'), bounded to
-- 100000 events and generated as fast as possible ('rate.limited' = 'false').
-- For the combined table and views that the Nexmark benchmark queries use, see examples/nexmark/ddl.sql.

CREATE TABLE bid (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  channel VARCHAR,
  url VARCHAR,
  dateTime TIMESTAMP(3),
  extra VARCHAR,
  WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark',
  'event.type' = 'bid',
  'events.num' = '100000',
  'rate.limited' = 'false',
  'base-time' = '2015-07-15 00:00:00'
);

SET 'table.local-time-zone' = 'UTC';

-- Nexmark q5-like: bids per auction in 10-second tumbling windows.
SELECT window_start, auction, COUNT(*) AS num
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, auction;
