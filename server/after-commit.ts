import type { Change } from '../protocol/changes';
import type { Logger } from 'pino';
import type { AppliedListener, ChangeLog } from './history/change-log';
import type { OrderEvents } from './orders/order-events';

/** The steps that follow a commit, each given what it needs by the wiring in app.ts. */
export interface AfterCommitSteps {
  /** Snapshots of the board every so many changes. */
  snapshots: { noteApplied(): void };
  /** The last day's paint counts shown on the page. */
  activity: { noteApplied(changes: Change[]): void };
  /** Viewers, the feed and the metrics (server/realtime/broadcast-changes.ts). */
  viewers: AppliedListener;
  /** Orders' status events (`paid`, with the seq), which their watchers follow. */
  orderEvents: Pick<OrderEvents, 'publish'>;
  /** Other instances, told to read what this one wrote (server/realtime/cluster.ts). */
  otherInstances: AppliedListener;
  /** satoshis.place bots: ORDER_SETTLED and the board image (server/realtime/satoshis-place/). */
  legacyBots: AppliedListener;
  log: Logger;
}

/**
 * Everything that happens after changes are committed and applied to the board, in this
 * order, each once per batch. A step that throws is logged by the change log and never undoes
 * the commit or stops the steps after it. Returns the unsubscribe of all of them.
 */
export function runAfterCommit(changeLog: ChangeLog, steps: AfterCommitSteps): () => void {
  const listeners: AppliedListener[] = [
    () => steps.snapshots.noteApplied(),
    (changes) => steps.activity.noteApplied(changes),
    steps.viewers,
    (changes) => announcePaidOrders(changes, steps.orderEvents),
    steps.otherInstances,
    steps.legacyBots,
    logPaidOrders(steps.log),
  ];
  const unsubscribes = listeners.map((listener) => changeLog.onApplied(listener));
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

function announcePaidOrders(changes: Change[], orderEvents: Pick<OrderEvents, 'publish'>) {
  for (const change of changes) {
    if (change.kind === 'paint' && change.orderId) {
      orderEvents.publish({ id: change.orderId, status: 'paid', seq: change.seq });
    }
  }
}

/** One log line per order paid and painted by this instance (another instance logs its own). */
function logPaidOrders(log: Logger): AppliedListener {
  return (changes, origin) => {
    if (origin !== 'written') return;
    for (const change of changes) {
      if (change.kind === 'paint' && change.orderId) {
        log.info(
          { orderId: change.orderId, seq: change.seq, pixels: change.pixels.xs.length },
          'order paid and painted',
        );
      }
    }
  };
}
