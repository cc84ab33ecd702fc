-- print: every row of an INSERT goes to standard output as '<identifier>> +I[...]' lines.

CREATE TABLE numbers (
  n BIGINT,
  square AS n * n
) WITH (
  'connector' = 'datagen',
  'fields.n.kind' = 'sequence',
  'fields.n.start' = '1',
  'fields.n.end' = '10'
);

CREATE TABLE console (
  n BIGINT,
  square BIGINT
) WITH (
  'connector' = 'print',
  'print-identifier' = 'squares'
);

INSERT INTO console SELECT n, square FROM numbers;
