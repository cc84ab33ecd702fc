-- Nexmark q13, bounded side input join: each bid enriched from a small side table keyed by
-- auction mod 10000. Planned as in Flink as a lookup join: the 'filesystem' table has no primary key
-- and supports lookups, so each subtask loads the whole file into memory (reloaded after
-- 'lookup.join.cache.ttl', 60 min) and MOD(B.auction, 10000) is computed before the join. The side
-- table is a CSV file that the runner writes into its work directory (${side_input}).
CREATE TABLE side_input (
  `key` BIGINT,
  `value` VARCHAR
) WITH (
  'connector' = 'filesystem',
  'path' = '${side_input}',
  'format' = 'csv'
);

CREATE TABLE nexmark_q13 (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  `dateTime` TIMESTAMP(3),
  `value` VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q13
SELECT B.auction, B.bidder, B.price, B.`dateTime`, S.`value`
FROM (SELECT *, PROCTIME() AS p_time FROM bid) AS B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON MOD(B.auction, 10000) = S.`key`;
