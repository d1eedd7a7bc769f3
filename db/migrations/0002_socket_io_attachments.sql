-- Large packets of socket.io's postgres adapter (scale-out: CLUSTER_ADAPTER=postgres).
CREATE TABLE socket_io_attachments (
  id         bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload    bytea
);
