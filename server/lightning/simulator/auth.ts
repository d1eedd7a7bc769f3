// Macaroon check and handler adapters: every RPC (implemented or not) first checks the `macaroon`
// metadata (hex of the macaroon bytes, as ln-service sends it) and answers UNAUTHENTICATED on mismatch.
import { timingSafeEqual } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { Message } from './fields';
import { RpcError, toServiceError } from './rpc-error';

/** A unary RPC implementation: resolves with the response message or throws (RpcError for a status). */
export type UnaryImpl = (
  request: Message,
  call: grpc.ServerUnaryCall<Message, Message>,
) => Promise<Message> | Message;

/** A server-streaming RPC implementation; it owns `call` (write, end, emit 'error'). */
export type StreamImpl = (
  call: grpc.ServerWritableStream<Message, Message>,
) => void | Promise<void>;

/** Returns the authentication failure for `metadata`, or undefined when the macaroon matches. */
export function checkMacaroon(metadata: grpc.Metadata, expected: Buffer): RpcError | undefined {
  const values = metadata.get('macaroon');
  if (values.length !== 1) {
    return new RpcError(grpc.status.UNAUTHENTICATED, `expected 1 macaroon, got ${values.length}`);
  }
  const [value] = values;
  const given =
    typeof value === 'string' && /^[0-9a-f]*$/i.test(value)
      ? Buffer.from(value, 'hex')
      : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return new RpcError(
      grpc.status.UNAUTHENTICATED,
      'verification failed: signature mismatch after caveat verification',
    );
  }
  return undefined;
}

/** Builds grpc-js handlers that authenticate, then run the implementation and map its errors. */
export function handlerFactory(macaroon: Buffer, log: (msg: string) => void) {
  const report = (name: string, err: unknown): grpc.ServerErrorResponse => {
    const serviceError = toServiceError(err);
    if (serviceError.code === grpc.status.INTERNAL) log(`${name} failed: ${serviceError.details}`);
    return serviceError;
  };
  return {
    /** Wraps a unary implementation. */
    unary(name: string, impl: UnaryImpl): grpc.handleUnaryCall<Message, Message> {
      return (call, callback) => {
        const denied = checkMacaroon(call.metadata, macaroon);
        if (denied) return callback(toServiceError(denied));
        Promise.resolve()
          .then(() => impl(call.request, call))
          .then(
            (response) => callback(null, response),
            (err: unknown) => callback(report(name, err)),
          );
      };
    },
    /** Wraps a server-streaming implementation. */
    stream(name: string, impl: StreamImpl): grpc.handleServerStreamingCall<Message, Message> {
      return (call) => {
        const denied = checkMacaroon(call.metadata, macaroon);
        if (denied) return void call.emit('error', toServiceError(denied));
        Promise.resolve()
          .then(() => impl(call))
          .catch((err: unknown) => call.emit('error', report(name, err)));
      };
    },
  };
}

/** The adapters returned by `handlerFactory`. */
export type Handlers = ReturnType<typeof handlerFactory>;
