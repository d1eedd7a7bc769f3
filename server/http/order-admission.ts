import type { IncomingMessage } from 'node:http';
import type { AppContext } from '../app-context';
import { AppError } from '../app-error';
import { clientKey } from './client-address';

/** Order bodies being read at once, all clients together: beyond this, 503 and come back. */
const ORDER_BODY_BYTES_IN_FLIGHT = 64 * 1024 * 1024;
const BUSY_RETRY_SECONDS = 2;

/** What an admitted order request holds while its body is read. */
export interface OrderAdmission {
  clientKey: string;
  /** The body is read (or failed): its bytes no longer count as in flight. */
  release(): void;
  /** The body was read and is passed on to `placeOrder`, which takes the token itself. */
  handOver(): void;
}

/**
 * The gate in front of `POST /api/orders`, passed before a byte of the body is read: the
 * order rate limits (this client's and everybody's, the same buckets `placeOrder` uses: the
 * token taken here is given back just before `placeOrder` takes it again; a body that fails to
 * read keeps it spent) and a bound on the bytes of order bodies being read at once.
 */
export function createOrderAdmission(context: AppContext) {
  let bytesInFlight = 0;
  const { trustProxy } = context.config.edge;
  const maxBytes = context.config.maxBodyBytes;

  return (req: IncomingMessage): OrderAdmission => {
    const key = clientKey(req, trustProxy);
    const retryAfter = context.orderRateLimiter.take(key);
    if (retryAfter > 0) {
      req.resume();
      throw new AppError(
        'rate_limited',
        `Too many orders; try again in ${retryAfter} s.`,
        429,
        retryAfter,
      );
    }
    const declared = Number(req.headers['content-length']);
    const bytes = Number.isFinite(declared) ? Math.min(declared, maxBytes) : maxBytes;
    if (bytesInFlight + bytes > ORDER_BODY_BYTES_IN_FLIGHT) {
      context.orderRateLimiter.refund(key);
      throw new AppError('busy', 'The board is busy; try again shortly.', 503, BUSY_RETRY_SECONDS);
    }
    bytesInFlight += bytes;
    let held = true;
    return {
      clientKey: key,
      release: () => {
        if (!held) return;
        held = false;
        bytesInFlight -= bytes;
      },
      handOver: () => context.orderRateLimiter.refund(key),
    };
  };
}
