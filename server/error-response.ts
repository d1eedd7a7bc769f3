import type { ApiErrorBody } from '../protocol/errors';
import { AppError } from './app-error';
import { NodeError } from './lightning/lightning-node';

export interface ErrorResponse {
  status: number;
  body: ApiErrorBody;
  retryAfterSeconds?: number;
  /** True for failures of ours (5xx), which are logged; the body never carries internals. */
  unexpected: boolean;
}

/** Maps any thrown value to the wire error shape shared by HTTP answers and socket acks. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message } },
      retryAfterSeconds: error.retryAfterSeconds,
      unexpected: false,
    };
  }
  if (error instanceof NodeError && (error.isOutage || error.problem === 'permission_denied')) {
    return {
      status: 503,
      body: {
        error: {
          code: 'lightning_unavailable',
          message: 'The Lightning node is unavailable; try again shortly.',
        },
      },
      retryAfterSeconds: 5,
      // A macaroon missing a permission is the operator's to fix: log it like a bug.
      unexpected: error.problem === 'permission_denied',
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } },
    unexpected: true,
  };
}
