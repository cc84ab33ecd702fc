-- Nexmark q11 (bids per bidder session, 10-second inactivity gap), in Flink's form with the
-- group-window functions, with examples/nexmark/ddl.sql as init script:
--   bin/weir -i examples/nexmark/ddl.sql -f examples/nexmark/q11.sql

CREATE TABLE nexmark_q11 (
  bidder BIGINT,
  bid_count BIGINT,
  starttime TIMESTAMP(3),
  endtime TIMESTAMP(3)
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO nexmark_q11
SELECT B.bidder, count(*) as bid_count,
       SESSION_START(B.dateTime, INTERVAL '10' SECOND) as starttime,
       SESSION_END(B.dateTime, INTERVAL '10' SECOND) as endtime
FROM bid B
GROUP BY B.bidder, SESSION(B.dateTime, INTERVAL '10' SECOND);
