-- Nexmark q3 (local item suggestion: people in OR/ID/CA selling in category 10 (regular join)), with examples/nexmark/ddl.sql as init script:
--   bin/weir -i examples/nexmark/ddl.sql -f examples/nexmark/q3.sql

CREATE TABLE nexmark_q3 (
  name VARCHAR,
  city VARCHAR,
  state VARCHAR,
  id BIGINT
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO nexmark_q3
SELECT P.name, P.city, P.state, A.id
FROM auction AS A INNER JOIN person AS P ON A.seller = P.id
WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');
