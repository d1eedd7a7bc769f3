import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiJson, callApi } from './api-client';

const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
  vi.fn(async () => new Response(body, { status, headers }));

afterEach(() => vi.unstubAllGlobals());

describe('apiJson', () => {
  it('sends JSON and the operator token, and resolves with the body of a 2xx answer', async () => {
    const fetch = answer(200, '{"seq":7}');
    vi.stubGlobal('fetch', fetch);
    const body = await apiJson('/api/admin/snapshots', { method: 'POST', body: {}, token: 't' });
    expect(body).toEqual({ seq: 7 });
    expect(fetch).toHaveBeenCalledWith('/api/admin/snapshots', {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: '{}',
      cache: undefined,
    });
  });

  it.each([
    {
      name: 'a wire error, with the wait asked for',
      fetch: answer(429, '{"error":{"code":"rate_limited","message":"m"}}', {
        'Retry-After': '12',
      }),
      error: { code: 'rate_limited', message: 'm', status: 429, retryAfterSeconds: 12 },
    },
    {
      name: 'an answer that is not a wire error',
      fetch: answer(502, '<html></html>'),
      error: { code: 'internal_error', message: 'HTTP 502 from the server', status: 502 },
    },
    {
      name: 'no answer at all',
      fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      error: { code: 'network', message: 'Failed to fetch', status: 0 },
    },
  ])('rejects with ApiError for $name', async ({ fetch, error }) => {
    vi.stubGlobal('fetch', fetch);
    const failure = await apiJson('/api/feed').catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ApiError);
    expect({ ...(failure as ApiError), message: (failure as ApiError).message }).toEqual({
      retryAfterSeconds: undefined,
      name: 'ApiError',
      ...error,
    });
  });
});

describe('callApi', () => {
  it.each([
    {
      fetch: answer(429, '{"error":{"code":"rate_limited","message":"m"}}', {
        'Retry-After': '30',
      }),
      text: 'Too many orders from you in a short time. Try again in 30 s.',
    },
    {
      fetch: answer(400, '{"error":{"code":"invalid_request","message":"x is off the board"}}'),
      text: 'The board did not accept this order: x is off the board.',
    },
    { fetch: answer(502, 'Bad gateway'), text: 'Something went wrong on the board.' },
    { fetch: answer(200, 'not json'), text: 'Something went wrong on the board.' },
    {
      fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      text: 'No connection to the board. Check your network and try again.',
    },
  ])('words a failure as "$text", never throwing', async ({ fetch, text }) => {
    vi.stubGlobal('fetch', fetch);
    const result = await callApi('/api/orders', { method: 'POST', body: { pixels: [] } });
    expect(result.ok ? null : result.error.text).toBe(text);
  });

  it('asks for a current answer and resolves with its body', async () => {
    const fetch = answer(200, '{"id":"o1"}');
    vi.stubGlobal('fetch', fetch);
    expect(await callApi('/api/pixels/1/2')).toEqual({ ok: true, value: { id: 'o1' } });
    expect(fetch).toHaveBeenCalledWith(
      '/api/pixels/1/2',
      expect.objectContaining({ cache: 'no-store' }),
    );
  });
});
