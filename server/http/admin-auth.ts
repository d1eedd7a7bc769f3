import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppError } from '../app-error';
import { RateLimiter } from '../rate-limiter';
import { clientKey, type TrustProxy } from './client-address';

/** Failed sign-ins allowed per client address: a few in a burst, then a few a minute. */
const FAILURES_PER_MINUTE = 6;
const FAILURE_BURST = 10;
const MAX_BLOCKED_CLIENTS = 10_000;

/** Checks a request's operator credentials; throws the AppError to answer when they fail. */
export type AdminGate = (req: IncomingMessage) => void;

/**
 * The gate in front of `/api/admin/*`: `Authorization: Bearer <token>` must match the operator
 * token, compared in constant time (SHA-256 digests of both). A missing or wrong token is a
 * 401 `unauthorized` and is logged (never the token). Too many failures from one address and
 * every attempt from it, right or wrong, is a 429 with Retry-After until it cools down.
 */
export function createAdminGate(
  token: string,
  log: Logger,
  trust: TrustProxy = { kind: 'none' },
  failures = new RateLimiter(FAILURES_PER_MINUTE, FAILURE_BURST),
  now: () => number = Date.now,
): AdminGate {
  const expected = digest(token);
  const blockedUntil = new Map<string, number>();

  return (req) => {
    const address = clientKey(req, trust);
    const until = blockedUntil.get(address);
    if (until !== undefined && until > now()) throw tooMany(Math.ceil((until - now()) / 1000));
    const presented = bearerToken(req.headers.authorization);
    if (presented !== null && timingSafeEqual(digest(presented), expected)) return;

    log.warn(
      { address, method: req.method, url: req.url, presented: presented !== null },
      'operator authentication failed',
    );
    const waitSeconds = failures.take(address);
    if (waitSeconds > 0) {
      if (blockedUntil.size >= MAX_BLOCKED_CLIENTS) forgetExpired(blockedUntil, now());
      blockedUntil.set(address, now() + waitSeconds * 1000);
      throw tooMany(waitSeconds);
    }
    throw new AppError('unauthorized', 'A valid operator token is required.', 401);
  };
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function tooMany(retryAfterSeconds: number): AppError {
  return new AppError(
    'rate_limited',
    'Too many failed operator sign-ins; try again later.',
    429,
    retryAfterSeconds,
  );
}

function forgetExpired(blockedUntil: Map<string, number>, now: number): void {
  for (const [address, until] of blockedUntil) if (until <= now) blockedUntil.delete(address);
}
