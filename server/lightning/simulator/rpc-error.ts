// gRPC errors raised by simulator handlers.
import * as grpc from '@grpc/grpc-js';

/** An error carrying the gRPC status code to answer with. */
export class RpcError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
  }
}

/** Converts anything thrown by a handler into a gRPC error response (INTERNAL unless an RpcError). */
export function toServiceError(err: unknown): grpc.ServerErrorResponse {
  if (err instanceof RpcError)
    return Object.assign(new Error(err.message), { code: err.code, details: err.message });
  const details = err instanceof Error ? err.message : String(err);
  return Object.assign(new Error(details), { code: grpc.status.INTERNAL, details });
}
