-- datagen: random and sequence columns, bounded by the sequence (ids 1..20), the same rows on
-- every run thanks to 'seed'.

CREATE TABLE orders (
  order_id BIGINT,
  customer STRING,
  amount DECIMAL(8, 2),
  quantity INT,
  note STRING
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '100',
  'seed' = '42',
  'fields.order_id.kind' = 'sequence',
  'fields.order_id.start' = '1',
  'fields.order_id.end' = '20',
  'fields.customer.length' = '6',
  'fields.amount.min' = '1',
  'fields.amount.max' = '500',
  'fields.quantity.min' = '1',
  'fields.quantity.max' = '9',
  'fields.note.length' = '12',
  'fields.note.var-len' = 'true',
  'fields.note.null-rate' = '0.3'
);

SELECT order_id, customer, amount, quantity, note FROM orders;
