import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { RateLimiter } from '../rate-limiter';
import { createAdminGate } from './admin-auth';

const TOKEN = 'operator-token-0123456789';
const request = (authorization?: string, address = '10.0.0.1') =>
  ({
    headers: authorization === undefined ? {} : { authorization },
    socket: { remoteAddress: address },
    method: 'GET',
    url: '/api/admin/changes',
  }) as unknown as IncomingMessage;
const failure = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  return null;
};

describe('admin gate', () => {
  it.each([
    ['the right token', `Bearer ${TOKEN}`, null],
    ['any case of the scheme', `bearer ${TOKEN}`, null],
    ['no header', undefined, 401],
    ['another scheme', `Basic ${TOKEN}`, 401],
    ['a wrong token', 'Bearer operator-token-0123456780', 401],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`, 401],
  ])('%s', (_label, header, status) => {
    const gate = createAdminGate(TOKEN, pino({ level: 'silent' }));
    expect(failure(() => gate(request(header)))?.status ?? null).toBe(status);
  });

  it('locks an address out after repeated failures, even with the right token, then lets it in', () => {
    let now = 0;
    const clock = () => now;
    const gate = createAdminGate(
      TOKEN,
      pino({ level: 'silent' }),
      undefined,
      new RateLimiter(6, 2, clock),
      clock,
    );
    expect(failure(() => gate(request('Bearer nope')))?.status).toBe(401);
    expect(failure(() => gate(request('Bearer nope')))?.status).toBe(401);
    const locked = failure(() => gate(request('Bearer nope')));
    expect(locked).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(locked?.retryAfterSeconds).toBeGreaterThan(0);
    expect(failure(() => gate(request(`Bearer ${TOKEN}`)))?.status).toBe(429);
    expect(failure(() => gate(request(`Bearer ${TOKEN}`, '10.0.0.2')))).toBeNull();
    now += locked!.retryAfterSeconds! * 1000;
    expect(failure(() => gate(request(`Bearer ${TOKEN}`)))).toBeNull();
  });
});
