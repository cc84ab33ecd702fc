-- blackhole: swallows every row; useful to measure how fast a query runs without output cost.

CREATE TABLE events (
  id BIGINT,
  payload STRING
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '0',
  'number-of-rows' = '1000000',
  'fields.payload.length' = '50'
);

CREATE TABLE sink (
  id BIGINT,
  payload STRING
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO sink SELECT id, payload FROM events;
