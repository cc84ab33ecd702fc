-- filesystem + avro: Avro container files with a schema derived from the table (logical types
-- for the timestamp, date and decimal), readable by standard tools such as avro-tools tojson.

-- Wait for each INSERT job to finish, so that the SELECT below reads what it wrote.
SET 'table.dml-sync' = 'true';

CREATE TABLE readings (
  sensor_id INT,
  reading DECIMAL(6, 2),
  taken_at TIMESTAMP(3),
  day_of DATE
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '50',
  'fields.sensor_id.min' = '1',
  'fields.sensor_id.max' = '5',
  'fields.reading.min' = '0',
  'fields.reading.max' = '100',
  'fields.taken_at.max-past' = '1 h'
);

CREATE TABLE readings_avro (
  sensor_id INT,
  reading DECIMAL(6, 2),
  taken_at TIMESTAMP(3),
  day_of DATE
) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/weir-examples/readings-avro',
  'format' = 'avro',
  'avro.codec' = 'deflate'
);

INSERT INTO readings_avro SELECT * FROM readings;

SELECT sensor_id, COUNT(*) AS n, MAX(reading) AS top FROM readings_avro GROUP BY sensor_id;
