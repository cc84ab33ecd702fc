-- Weir quickstart: page views counted per page in 10-second tumbling event-time windows.
-- The source is bounded (600 generated rows, 0.1 s of event time apart), so the job ends by
-- itself once the last window has fired.

CREATE TABLE page_views (
  seq BIGINT,
  page_id INT,
  user_id INT,
  view_time AS TO_TIMESTAMP_LTZ(seq * 100, 3),
  WATERMARK FOR view_time AS view_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '600',
  'fields.seq.kind' = 'sequence',
  'fields.seq.start' = '0',
  'fields.seq.end' = '599',
  'fields.page_id.min' = '1',
  'fields.page_id.max' = '3',
  'fields.user_id.min' = '1',
  'fields.user_id.max' = '100'
);

DESCRIBE page_views;

SET 'table.local-time-zone' = 'UTC';

SELECT window_start, window_end, page_id, COUNT(*) AS views, COUNT(DISTINCT user_id) AS visitors
FROM TABLE(TUMBLE(TABLE page_views, DESCRIPTOR(view_time), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, page_id;
