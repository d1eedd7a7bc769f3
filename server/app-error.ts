import { isConnectionError } from '../db/connection-error';
import type { ErrorCode } from '../protocol/errors';

/** The one error type edges turn into `{ error: { code, message } }`; its message is safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/**
 * Runs a query; a failure to reach PostgreSQL becomes a clear 503 database_unavailable. Any
 * other failure (a bad query is a bug) is rethrown as it is, to be logged as a 500.
 */
export async function databaseCall<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    throw new AppError(
      'database_unavailable',
      'The database is unavailable; try again shortly.',
      503,
      5,
      {
        cause: error,
      },
    );
  }
}
