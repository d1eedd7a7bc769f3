import type { IncomingMessage } from 'node:http';
import { AppError } from '../app-error';
import type { RateLimiter } from '../rate-limiter';
import { clientKey, type TrustProxy } from './client-address';

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

export interface OrderAdmissionDeps {
  /** The same limiter `placeOrder` takes its token from. */
  orderRateLimiter: RateLimiter;
  trustProxy: TrustProxy;
  /** The largest body accepted; a body without Content-Length is counted at this size. */
  maxBodyBytes: number;
}

/**
 * The gate in front of `POST /api/orders`, passed before a byte of the body is read: the
 * order rate limits (this client's and everybody's, the same buckets `placeOrder` uses: the
 * token taken here is given back just before `placeOrder` takes it again; a body that fails to
 * read keeps it spent) and a bound on the bytes of order bodies being read at once.
 */
export function createOrderAdmission(deps: OrderAdmissionDeps) {
  let bytesInFlight = 0;
  const { orderRateLimiter, trustProxy, maxBodyBytes: maxBytes } = deps;

  return (req: IncomingMessage): OrderAdmission => {
    const key = clientKey(req, trustProxy);
    const retryAfter = orderRateLimiter.take(key);
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
      orderRateLimiter.refund(key);
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
      handOver: () => orderRateLimiter.refund(key),
    };
  };
}
