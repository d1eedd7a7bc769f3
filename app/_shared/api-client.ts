import { readErrorAnswer } from '../../protocol/error-answer';
import type { ErrorCode } from '../../protocol/errors';
import { describeError, type ShownError } from './error-text';

/**
 * A failed call: the wire error's code and message, the HTTP status and the wait asked for;
 * `network` with status 0 when no answer came.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
  /** The operator token, for the admin routes. */
  token?: string;
  /** `no-store` where the answer must be current (the board, orders, the feed). */
  cache?: RequestCache;
}

/**
 * The page's one way to call the board's API (same origin). Resolves with a 2xx answer;
 * rejects with ApiError otherwise, its error read from the `{ "error": { "code", "message" } }`
 * body as the bot client reads it.
 */
export async function apiFetch(path: string, request: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers.Authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      cache: request.cache,
    });
  } catch (error) {
    throw new ApiError('network', error instanceof Error ? error.message : String(error), 0);
  }
  if (response.ok) return response;
  const answer = readErrorAnswer(response.status, response.headers, await response.text());
  throw new ApiError(answer.code, answer.message, answer.status, answer.retryAfterSeconds);
}

/** `apiFetch` resolving with the answer's JSON body. */
export async function apiJson<T>(path: string, request: ApiRequest = {}): Promise<T> {
  return (await (await apiFetch(path, request)).json()) as T;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ShownError };

/**
 * For the visitor's page: a JSON call that is always current, its failures as plain words
 * (`describeError`), never thrown.
 */
export async function callApi<T>(
  path: string,
  init?: { method: 'POST'; body: unknown },
): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await apiJson<T>(path, { ...init, cache: 'no-store' }) };
  } catch (error) {
    if (!(error instanceof ApiError))
      return { ok: false, error: describeError({ code: 'internal_error', message: '' }) };
    const { code, message, retryAfterSeconds } = error;
    return { ok: false, error: describeError({ code, message }, retryAfterSeconds) };
  }
}
