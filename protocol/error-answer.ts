import type { ApiErrorBody, ErrorCode } from './errors';

/** What an HTTP answer other than 2xx says went wrong. */
export interface ErrorAnswer {
  code: ErrorCode;
  message: string;
  status: number;
  /** The wait the answer asks for (its Retry-After, in seconds), when it asks for one. */
  retryAfterSeconds?: number;
}

/**
 * Reads an error answer of the API, the same way for the page and the bot client: the code and
 * message of its `{ "error": { "code", "message" } }` body, or `internal_error` for a body that
 * is not one (a proxy's error page, say), and its Retry-After.
 */
export function readErrorAnswer(status: number, headers: Headers, body: string): ErrorAnswer {
  const retry = Number(headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  const error = parseErrorBody(body);
  return error
    ? { code: error.code, message: error.message, status, retryAfterSeconds }
    : {
        code: 'internal_error',
        message: `HTTP ${status} from the server`,
        status,
        retryAfterSeconds,
      };
}

function parseErrorBody(body: string): ApiErrorBody['error'] | null {
  try {
    const { error } = JSON.parse(body) as Partial<ApiErrorBody>;
    if (typeof error?.code !== 'string') return null;
    return { code: error.code, message: typeof error.message === 'string' ? error.message : '' };
  } catch {
    return null;
  }
}
