import { describe, expect, it } from 'vitest';
import { readErrorAnswer } from './error-answer';

describe('readErrorAnswer', () => {
  it.each([
    {
      body: '{"error":{"code":"rate_limited","message":"slow down"}}',
      retryAfter: '30',
      expected: { code: 'rate_limited', message: 'slow down', status: 429, retryAfterSeconds: 30 },
    },
    {
      body: '{"error":{"code":"invalid_request","message":"x out of range"}}',
      retryAfter: null,
      expected: { code: 'invalid_request', message: 'x out of range', status: 429 },
    },
    {
      body: '<html>Bad gateway</html>',
      retryAfter: 'soon',
      expected: { code: 'internal_error', message: 'HTTP 429 from the server', status: 429 },
    },
    {
      body: '{"detail":"not our shape"}',
      retryAfter: '0',
      expected: { code: 'internal_error', message: 'HTTP 429 from the server', status: 429 },
    },
    {
      body: '{"error":{"code":"busy"}}',
      retryAfter: '5',
      expected: { code: 'busy', message: '', status: 429, retryAfterSeconds: 5 },
    },
  ])('reads $body (Retry-After $retryAfter)', ({ body, retryAfter, expected }) => {
    const headers = new Headers(retryAfter === null ? {} : { 'Retry-After': retryAfter });
    const answer = readErrorAnswer(429, headers, body);
    expect(answer).toEqual({ retryAfterSeconds: undefined, ...expected });
  });
});
