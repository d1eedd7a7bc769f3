import { apiFetch } from '../../_shared/api-client';

const TOKEN_KEY = 'boltboard-admin-token';

/** The operator token of this tab (sessionStorage: gone when the tab closes). */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Fetches an operator image with the bearer token; resolves with an object URL and headers. */
export async function adminImage(
  token: string,
  path: string,
): Promise<{ url: string; headers: Headers }> {
  const response = await apiFetch(path, { token });
  return { url: URL.createObjectURL(await response.blob()), headers: response.headers };
}

/** Query string of the defined entries. */
export function queryOf(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
