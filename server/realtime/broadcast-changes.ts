import type { Change } from '../../protocol/changes';
import type { FeedEntry } from '../../protocol/feed';
import { boundingBoxOf } from '../../protocol/pixel-batch';
import type { AppliedListener } from '../history/change-log';
import type { RecentChanges } from '../history/recent-changes';
import type { Metrics } from '../observability/metrics';
import type { OrderEvents } from '../orders/order-events';
import { ChangeBroadcaster } from './change-broadcaster';
import { FeedBroadcaster } from './feed-broadcaster';
import { SlicedFanout } from './sliced-fanout';
import { orderRoom, type BoardServer } from './socket-api';

export interface BroadcastChangesDeps {
  /** Changes kept in memory for catch-up. */
  recentChanges: RecentChanges;
  /** Orders' status events, passed on to the sockets watching them. */
  orderEvents: OrderEvents;
  metrics: Metrics;
}

/**
 * The one place broadcasts leave from, after a change is committed: remember it for catch-up,
 * send it to viewers, tell the order's watchers, add it to the feed. Returns the listener that
 * does it (server/after-commit.ts calls it) and a stop function.
 *
 * Every instance applies every change once, in seq order (its own, or read back from the
 * database), so change-derived events go to this instance's own sockets only (`io.local`):
 * each viewer hears each change exactly once, from the instance it is connected to.
 */
export function broadcastChanges(
  deps: BroadcastChangesDeps,
  io: BoardServer,
): { onApplied: AppliedListener; stop: () => void } {
  // Changes (and the feed) go to the default namespace's own sockets through a fan-out that is
  // cheaper per socket than `io.local.emit` and leaves turns to settlement while it writes.
  const fanout = new SlicedFanout(io.sockets, (packet) => io.encoder.encode(packet as never));
  const feed = new FeedBroadcaster(fanout);
  const broadcaster = new ChangeBroadcaster(fanout, () => feed.take());
  broadcaster.onBatch = (_changes, pixels) => deps.metrics.broadcastPixels.observe(pixels);
  const onApplied: AppliedListener = (changes) => {
    deps.recentChanges.add(changes);
    broadcaster.publish(changes);
    let pixels = 0;
    for (const change of changes) pixels += change.pixels.xs.length;
    deps.metrics.pixelsPainted.inc(pixels);
    const paints = changes.filter((change) => change.kind === 'paint' && change.orderId !== null);
    deps.metrics.ordersPaid.inc(paints.length);
    feed.publish(paints.map(toFeedEntry));
  };
  const unsubscribe = deps.orderEvents.subscribe((event) => {
    // `paid` is published on every instance (each applies the paint); `expired` only on the
    // instance whose expiry job marked it, so that one crosses to the others' watchers.
    const target = event.status === 'paid' ? io.local : io;
    target.to(orderRoom(event.id)).emit('order', event);
  });
  return {
    onApplied,
    stop: () => {
      feed.stop();
      unsubscribe();
    },
  };
}

function toFeedEntry(change: Change): FeedEntry {
  const area = boundingBoxOf(change.pixels);
  return {
    seq: change.seq,
    orderId: change.orderId!,
    pixelCount: change.pixels.xs.length,
    ...change.byline,
    at: change.at.toISOString(),
    ...(area && { area }),
  };
}
