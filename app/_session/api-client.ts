import type { ApiErrorBody } from '../../protocol/errors';
import { describeError, type ShownError } from '../_shared/error-text';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ShownError };

/** Calls a JSON endpoint of the board; failures come back as plain words, never thrown. */
export async function callApi<T>(path: string, init?: { method: 'POST'; body: unknown }) {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init ? { 'content-type': 'application/json' } : undefined,
      body: init ? JSON.stringify(init.body) : undefined,
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: describeError({ code: 'network', message: '' }) } as ApiResult<T>;
  }
  const body = (await response.json().catch(() => null)) as T | ApiErrorBody | null;
  if (response.ok && body) return { ok: true, value: body as T } as ApiResult<T>;
  const retryAfter = Number(response.headers.get('Retry-After'));
  const error =
    body && typeof body === 'object' && 'error' in body
      ? body.error
      : { code: 'internal_error' as const, message: '' };
  return {
    ok: false,
    error: describeError(error, Number.isFinite(retryAfter) ? retryAfter : undefined),
  } as ApiResult<T>;
}
