import { readErrorAnswer } from '../protocol/error-answer';
import type { ErrorCode } from '../protocol/errors';

/** A failed API call: the wire error code and message, the HTTP status and any `Retry-After`. */
export class BoltboardApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'BoltboardApiError';
  }
}

/**
 * Calls a JSON route of a Boltboard server (`baseUrl` without a trailing slash). Resolves with
 * the parsed body of a 2xx answer; rejects with BoltboardApiError otherwise.
 */
export async function requestJson<T>(
  baseUrl: string,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  const response = await send(baseUrl + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw errorFrom(response, text);
  return JSON.parse(text) as T;
}

/** Fetches raw bytes (the board PNG); resolves with the bytes and the answer's headers. */
export async function requestBytes(
  baseUrl: string,
  path: string,
): Promise<{ bytes: Buffer; headers: Headers }> {
  const response = await send(baseUrl + path, {});
  if (!response.ok) throw errorFrom(response, await response.text());
  return { bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BoltboardApiError('network_error', `Cannot reach ${url}: ${reason}`, 0);
  }
}

function errorFrom(response: Response, text: string): BoltboardApiError {
  const { code, message, status, retryAfterSeconds } = readErrorAnswer(
    response.status,
    response.headers,
    text,
  );
  return new BoltboardApiError(code, message, status, retryAfterSeconds);
}
