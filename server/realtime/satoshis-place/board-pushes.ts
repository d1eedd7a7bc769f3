import type { LegacyOrderSettled } from '../../../protocol/satoshis-place';
import { isDrained } from '../slow-socket-guard';
import type { BoardDataUrl } from './board-data-url';
import type { LegacyNamespace, LegacySocket } from './legacy-namespace';

/** Board images leave at most this often (each costs the whole board, base64). */
export const PUSH_EVERY_MS = 250;
/** Settled orders remembered for sockets that fell behind; older ones are skipped. */
const SETTLED_KEPT = 1_000;

export type SettledOrder = Omit<LegacyOrderSettled, 'image'>;

/**
 * Sends the namespace's board images coalesced, and only to sockets that keep up. Each push
 * (every PUSH_EVERY_MS at most) sends the orders settled since a socket's last one, in order;
 * only the last of them carries the board `image` (the board after all of them). A socket that
 * has not taken its last push yet is skipped and, once drained, gets what it missed and the
 * latest image: never a queue of images. Every message is encoded once for all its sockets,
 * so a push costs at most two images (ORDER_SETTLED and GET_LATEST_PIXELS_RESULT) whatever
 * the number of sockets. Returns `stop` and the two entry points.
 */
export class CoalescedBoardPushes {
  private settled: Array<SettledOrder & { n: number }> = [];
  private head = 0;
  /** Per socket id: the last settled order it was sent. */
  private delivered = new Map<string, number>();
  private wantsImage = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private pushing = false;
  private lastPushAt = 0;
  private stopped = false;

  constructor(
    private readonly nsp: LegacyNamespace,
    private readonly image: BoardDataUrl,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A socket joined: it hears of orders settled from now on. */
  join(socket: LegacySocket): void {
    this.delivered.set(socket.id, this.head);
    socket.once('disconnect', () => {
      this.delivered.delete(socket.id);
      this.wantsImage.delete(socket.id);
    });
  }

  /** GET_LATEST_PIXELS: answered with the next push. */
  requestImage(socket: LegacySocket): void {
    this.wantsImage.add(socket.id);
    this.schedule();
  }

  /** Orders just settled, in seq order. */
  add(orders: SettledOrder[]): void {
    for (const order of orders) this.settled.push({ ...order, n: ++this.head });
    if (this.settled.length > SETTLED_KEPT) this.settled = this.settled.slice(-SETTLED_KEPT);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.pushing) return;
    const wait = Math.max(0, this.lastPushAt + PUSH_EVERY_MS - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pushing = true;
      this.push()
        .catch(this.onError)
        .finally(() => {
          this.pushing = false;
          if (this.owed()) this.schedule();
        });
    }, wait);
  }

  private owed(): boolean {
    if (this.wantsImage.size > 0) return true;
    for (const last of this.delivered.values()) if (last < this.head) return true;
    return false;
  }

  private async push(): Promise<void> {
    this.lastPushAt = this.now();
    let url: string;
    try {
      url = await this.image.get();
    } catch (error) {
      const askers = [...this.wantsImage];
      this.wantsImage.clear();
      const answer = { error: 'The board image is not available right now.' };
      this.nsp.local.to(askers).emit('GET_LATEST_PIXELS_RESULT', answer);
      throw error;
    }
    // Sockets that are behind and have taken everything sent so far, by where they are.
    const behind = new Map<number, string[]>();
    const askers: string[] = [];
    for (const [id, socket] of this.nsp.sockets) {
      if (!isDrained(socket.conn)) continue;
      const last = this.delivered.get(id);
      if (last !== undefined && last < this.head) {
        const group = behind.get(last) ?? [];
        group.push(id);
        behind.set(last, group);
      }
      if (this.wantsImage.delete(id)) askers.push(id);
    }
    if (behind.size > 0) {
      const newest = this.settled[this.settled.length - 1];
      for (const [last, ids] of behind) {
        for (const order of this.settled) {
          if (order.n <= last || order === newest) continue;
          this.nsp.local
            .to(ids)
            .emit('ORDER_SETTLED', { data: { ...settledOf(order), image: '' } });
        }
      }
      const everyone = [...behind.values()].flat();
      this.nsp.local
        .to(everyone)
        .emit('ORDER_SETTLED', { data: { ...settledOf(newest), image: url } });
      for (const id of everyone) this.delivered.set(id, this.head);
    }
    if (askers.length > 0)
      this.nsp.local.to(askers).emit('GET_LATEST_PIXELS_RESULT', { data: url });
  }
}

function settledOf({ paymentRequest, sessionId, pixelsPaintedCount }: SettledOrder): SettledOrder {
  return { paymentRequest, sessionId, pixelsPaintedCount };
}
