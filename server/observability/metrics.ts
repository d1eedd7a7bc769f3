import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The app's Prometheus metrics (`GET /api/metrics`), one registry per instance. */
export class Metrics {
  readonly registry = new Registry();
  readonly ordersCreated = new Counter({
    name: 'boltboard_orders_created_total',
    help: 'Orders created',
    registers: [this.registry],
  });
  readonly ordersPaid = new Counter({
    name: 'boltboard_orders_paid_total',
    help: 'Orders paid and painted',
    registers: [this.registry],
  });
  readonly ordersExpired = new Counter({
    name: 'boltboard_orders_expired_total',
    help: 'Orders expired unpaid',
    registers: [this.registry],
  });
  readonly pixelsPainted = new Counter({
    name: 'boltboard_pixels_painted_total',
    help: 'Pixels written by any change (paints, reverts, undos)',
    registers: [this.registry],
  });
  readonly settleSeconds = new Histogram({
    name: 'boltboard_settle_seconds',
    help: 'From the payment notice to the change committed and applied',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly broadcastPixels = new Histogram({
    name: 'boltboard_broadcast_batch_pixels',
    help: 'Pixels per changes message sent to viewers',
    buckets: [1, 10, 100, 1000, 10_000, 50_000],
    registers: [this.registry],
  });
  readonly invoiceStreamReconnects = new Counter({
    name: 'boltboard_invoice_stream_reconnects_total',
    help: 'Times the invoice stream from the node was lost',
    registers: [this.registry],
  });
  readonly invoiceStreamSilences = new Counter({
    name: 'boltboard_invoice_stream_silences_total',
    help: 'Times a check found payments the invoice stream never delivered (stream resubscribed)',
    registers: [this.registry],
  });
  readonly settlementsSetAside = new Counter({
    name: 'boltboard_settlements_set_aside_total',
    help: 'Paid orders whose settlement could not be written (see /api/admin/unpainted-orders)',
    registers: [this.registry],
  });
  /** Set once socket.io is up; read when metrics are scraped. */
  countViewers: () => number = () => 0;
  readonly viewers: Gauge = new Gauge({
    name: 'boltboard_viewers',
    help: 'Connected socket.io clients',
    registers: [this.registry],
    collect: (): void => this.viewers.set(this.countViewers()),
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'boltboard_' });
  }
}
