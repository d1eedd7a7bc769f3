-- Orders, the append-only change log, and board snapshots (docs/data-model.md).

CREATE TABLE orders (
  id              uuid PRIMARY KEY,
  payment_hash    text NOT NULL UNIQUE,
  payment_request text NOT NULL,
  amount_msat     bigint NOT NULL CHECK (amount_msat > 0),
  pixel_count     integer NOT NULL CHECK (pixel_count > 0),
  -- The requested pixels, packed 5 bytes each: x (uint16 BE), y (uint16 BE), colour index (uint8).
  pixels          bytea NOT NULL,
  name            text,
  message         text,
  -- Who asked (a hash of the client address): caps open orders per client.
  client_key      text,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'expired')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  paid_at         timestamptz,
  change_seq      bigint
);
CREATE INDEX orders_pending_by_expiry ON orders (expires_at) WHERE status = 'pending';
CREATE INDEX orders_pending_by_client ON orders (client_key) WHERE status = 'pending';

-- Every applied change gets the next seq. Seqs are gap-free: they are taken under the
-- writer lock as max(seq) + 1, so viewers can tell a missed change from one not yet written.
CREATE TABLE changes (
  seq         bigint PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('paint', 'revert', 'undo')),
  order_id    uuid REFERENCES orders (id),
  actor       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  pixel_count integer NOT NULL,
  bbox_x      integer,
  bbox_y      integer,
  bbox_width  integer,
  bbox_height integer,
  note        text
);
CREATE INDEX changes_by_order ON changes (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX changes_by_time ON changes (created_at);

-- Append-only: nothing is ever deleted or rewritten; a revert is a new change.
CREATE TABLE pixel_events (
  seq        bigint NOT NULL,
  x          smallint NOT NULL,
  y          smallint NOT NULL,
  color      smallint NOT NULL,
  prev_color smallint NOT NULL
);
CREATE INDEX pixel_events_by_seq ON pixel_events (seq);
CREATE INDEX pixel_events_by_pixel ON pixel_events (x, y, seq);

-- The board as palette indices (one byte per pixel, row-major) after change `seq`.
CREATE TABLE snapshots (
  seq        bigint PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  width      integer NOT NULL,
  height     integer NOT NULL,
  pixels     bytea NOT NULL
);
