-- filesystem + json: write partitioned NDJSON files exactly once, then read them back.
-- Files appear under /tmp/weir-examples/sales/region=<r>/part-*.json once committed (at every
-- checkpoint, or at the end of a bounded job); in-progress files are hidden ('.part-...').

-- Wait for each INSERT job to finish, so that the SELECT below reads what it wrote.
SET 'table.dml-sync' = 'true';

CREATE TABLE generated_sales (
  id BIGINT,
  region_no INT,
  amount DOUBLE
) WITH (
  'connector' = 'datagen',
  'seed' = '1',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '100',
  'fields.region_no.min' = '1',
  'fields.region_no.max' = '3',
  'fields.amount.min' = '1',
  'fields.amount.max' = '100'
);

CREATE TABLE sales (
  id BIGINT,
  amount DOUBLE,
  region STRING
) PARTITIONED BY (region) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/weir-examples/sales',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601',
  'sink.rolling-policy.file-size' = '1 mb',
  'sink.rolling-policy.rollover-interval' = '10 min'
);

INSERT INTO sales
SELECT id, amount, CASE region_no WHEN 1 THEN 'emea' WHEN 2 THEN 'amer' ELSE 'apac' END FROM generated_sales;

-- The partition column comes back from the directory names.
SELECT region, COUNT(*) AS orders, SUM(amount) AS total FROM sales GROUP BY region;
