-- Issue 9's "TUMBLE count": the number of bids per auction per 10-second tumbling window.
CREATE TABLE nexmark_tumble_count (
  auction BIGINT,
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  num BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_tumble_count
SELECT auction, window_start, window_end, COUNT(*) AS num
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
