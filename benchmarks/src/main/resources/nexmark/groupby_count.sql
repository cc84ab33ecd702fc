-- Issue 9's "GROUP BY count": the number of bids per auction (an unbounded group aggregate).
CREATE TABLE nexmark_groupby_count (
  auction BIGINT,
  num BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_groupby_count
SELECT auction, COUNT(*) AS num FROM bid GROUP BY auction;
