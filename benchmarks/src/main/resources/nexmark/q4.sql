-- Nexmark q4, average price per category: the winning (highest) bid of each auction within its
-- lifetime, averaged per category (a join, then two levels of group aggregation on its retractions).
CREATE TABLE nexmark_q4 (
  id BIGINT,
  final BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q4
SELECT W.category, AVG(W.final)
FROM (
  SELECT A.id, A.category, MAX(B.price) AS final
  FROM auction AS A, bid AS B
  WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
  GROUP BY A.id, A.category
) AS W
GROUP BY W.category;
