-- debezium-json: an updating query (a running count per key) written as a changelog of
-- Debezium events ({"before": ..., "after": ..., "op": "c|u|d"}) and read back as the same
-- changelog, whose final state equals the query's result.

-- Wait for each INSERT job to finish, so that the SELECT below reads what it wrote.
SET 'table.dml-sync' = 'true';

CREATE TABLE clicks (
  user_id INT,
  seq BIGINT
) WITH (
  'connector' = 'datagen',
  'seed' = '3',
  'fields.seq.kind' = 'sequence',
  'fields.seq.start' = '1',
  'fields.seq.end' = '200',
  'fields.user_id.min' = '1',
  'fields.user_id.max' = '4'
);

CREATE TABLE click_counts (
  user_id INT,
  clicks BIGINT
) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/weir-examples/click-counts',
  'format' = 'debezium-json'
);

INSERT INTO click_counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;

-- Reading the changelog back and aggregating it applies every +I/-U/+U/-D: the sum is 200.
SELECT SUM(clicks) AS total_clicks FROM click_counts;
