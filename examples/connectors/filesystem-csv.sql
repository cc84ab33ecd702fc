-- filesystem + csv: read a CSV directory with a custom delimiter, a null literal and comments,
-- skipping (and counting) malformed lines instead of failing. Create the input first, e.g.:
--   mkdir -p /tmp/weir-examples/csv-in && printf '# id;name;score\n1;ann;3.5\n2;bob;NULL\nbad;line;x\n' > /tmp/weir-examples/csv-in/a.csv

CREATE TABLE scores (
  id INT,
  name STRING,
  score DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/weir-examples/csv-in',
  'format' = 'csv',
  'csv.field-delimiter' = ';',
  'csv.null-literal' = 'NULL',
  'csv.allow-comments' = 'true',
  'csv.ignore-parse-errors' = 'true'
);

CREATE TABLE scores_out (
  id INT,
  name STRING,
  score DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/weir-examples/csv-out',
  'format' = 'csv'
);

INSERT INTO scores_out SELECT id, UPPER(name), score FROM scores;
