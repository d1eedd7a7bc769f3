import type { ErrorCode } from '../../../protocol/errors';

const TOKEN_KEY = 'boltboard-admin-token';

/** The operator token of this tab (sessionStorage: gone when the tab closes). */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An API answer other than 2xx, with the wire error's code. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unknown',
    message: string,
  ) {
    super(message);
  }
}

/** Calls an operator route with the bearer token; resolves with the JSON answer. */
export async function adminJson<T>(
  token: string,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** Fetches an operator image with the bearer token; resolves with an object URL and headers. */
export async function adminImage(
  token: string,
  path: string,
): Promise<{ url: string; headers: Headers }> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw await errorOf(response);
  return { url: URL.createObjectURL(await response.blob()), headers: response.headers };
}

async function errorOf(response: Response): Promise<AdminApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code: ErrorCode; message: string };
  } | null;
  return new AdminApiError(
    response.status,
    body?.error?.code ?? 'unknown',
    body?.error?.message ?? `HTTP ${response.status}`,
  );
}

/** Query string of the defined entries. */
export function queryOf(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
