-- Nexmark q6, average selling price by seller: the average of each seller's last 10 winning
-- bids. Flink refuses it (its OVER aggregate cannot consume the retractions the Top-1 produces, and
-- dateTime is no longer a time attribute there) and its suite does not run it; Weir runs the OVER
-- in retract mode (OverAggregate(..., mode=[retract]), a Weir extension: README "SQL supported").
CREATE TABLE nexmark_q6 (
  seller BIGINT,
  avg_price BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q6
SELECT Q.seller,
       AVG(Q.price) OVER (PARTITION BY Q.seller ORDER BY Q.`dateTime` ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
FROM (
  SELECT W.id, W.seller, W.price, W.`dateTime`,
         ROW_NUMBER() OVER (PARTITION BY W.id, W.seller ORDER BY W.price DESC) AS rownum
  FROM (
    SELECT A.id, A.seller, B.price, B.`dateTime`
    FROM auction AS A, bid AS B
    WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
  ) AS W
) AS Q
WHERE Q.rownum <= 1;
