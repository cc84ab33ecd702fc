-- Nexmark q11 (bids per bidder session (Flink writes it with the legacy GROUP BY SESSION(...); here the session TVF)), with examples/nexmark/ddl.sql as init script:
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
SELECT bidder, COUNT(*) AS bid_count, window_start AS starttime, window_end AS endtime
FROM TABLE(SESSION(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end;
