-- What the app has learned from its Lightning node, kept across restarts.
-- The settle index of the newest settlement painted: after a restart or a lost stream, the
-- invoice subscription asks LND to replay every settlement after it (add_index/settle_index).
CREATE TABLE invoice_cursor (
  node         text PRIMARY KEY,
  settle_index bigint NOT NULL CHECK (settle_index >= 0),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Paid on the node but not painted: a settlement that could not be written (pixels outside a
-- board that shrank, a palette that got shorter, a bug) is set aside here instead of blocking
-- the others. The order stays pending, so every check with the node tries it again; painting
-- it deletes its row.
CREATE TABLE unpainted_orders (
  order_id        uuid PRIMARY KEY REFERENCES orders (id),
  reason          text NOT NULL,
  attempts        integer NOT NULL DEFAULT 1,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at  timestamptz NOT NULL DEFAULT now()
);

-- Orders expire on the node's word, checked a few at a time as they fall due.
CREATE INDEX orders_expired_by_expiry ON orders (expires_at) WHERE status = 'expired';
