// The gate every RPC passes before its implementation, in LND's order (rpcperms/interceptor.go):
// first the node's readiness, then the macaroon (one `macaroon` metadata value, hex, as ln-service
// sends it) and the permission the method needs. Refusals use LND's words and gRPC code UNKNOWN.
import * as grpc from '@grpc/grpc-js';
import type { Message } from './fields';
import { allows, readMacaroon } from './macaroon';
import { requiredPermissions } from './method-permissions';
import { stateRefusal, type NodeState } from './node-state';
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

/** What the gate needs to know about the node. */
export interface GateContext {
  rootKey: Buffer;
  state: () => NodeState;
}

const unknown = (message: string): RpcError => new RpcError(grpc.status.UNKNOWN, message);

function decodeHex(value: string): Buffer | RpcError {
  const bad = /[^0-9a-f]/i.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0) ?? 0;
    const hexCode = code.toString(16).toUpperCase().padStart(4, '0');
    return unknown(`encoding/hex: invalid byte: U+${hexCode} '${bad[0]}'`);
  }
  if (value.length % 2 === 1) return unknown('encoding/hex: odd length hex string');
  return Buffer.from(value, 'hex');
}

/** Returns LND's refusal of a call to `fullMethod` with `metadata`, or undefined when allowed. */
export function checkCall(
  gate: GateContext,
  metadata: grpc.Metadata,
  fullMethod: string,
): RpcError | undefined {
  const notReady = stateRefusal(gate.state());
  if (notReady) return unknown(notReady);
  const values = metadata.get('macaroon');
  if (values.length !== 1) return unknown(`expected 1 macaroon, got ${values.length}`);
  const [value] = values;
  const bytes = decodeHex(typeof value === 'string' ? value : value.toString('utf8'));
  if (bytes instanceof RpcError) return bytes;
  const macaroon = readMacaroon(gate.rootKey, bytes);
  if (!macaroon.ok) return unknown(macaroon.error);
  if (!allows(macaroon.permissions, requiredPermissions(fullMethod), fullMethod)) {
    return unknown('permission denied');
  }
  return undefined;
}

/** Builds grpc-js handlers that pass the gate (unless `gate` is undefined), then run `impl`. */
export function handlerFactory(gate: GateContext | undefined, log: (msg: string) => void) {
  const report = (path: string, err: unknown): grpc.ServerErrorResponse => {
    const serviceError = toServiceError(err);
    if (serviceError.code === grpc.status.INTERNAL) log(`${path} failed: ${serviceError.details}`);
    return serviceError;
  };
  const refusal = (metadata: grpc.Metadata, path: string): RpcError | undefined =>
    gate ? checkCall(gate, metadata, path) : undefined;
  return {
    /** Wraps a unary implementation of the method at `path`. */
    unary(path: string, impl: UnaryImpl): grpc.handleUnaryCall<Message, Message> {
      return (call, callback) => {
        const denied = refusal(call.metadata, path);
        if (denied) return callback(toServiceError(denied));
        Promise.resolve()
          .then(() => impl(call.request, call))
          .then(
            (response) => callback(null, response),
            (err: unknown) => callback(report(path, err)),
          );
      };
    },
    /** Wraps a server-streaming implementation of the method at `path`. */
    stream(path: string, impl: StreamImpl): grpc.handleServerStreamingCall<Message, Message> {
      return (call) => {
        const denied = refusal(call.metadata, path);
        if (denied) return void call.emit('error', toServiceError(denied));
        Promise.resolve()
          .then(() => impl(call))
          .catch((err: unknown) => call.emit('error', report(path, err)));
      };
    },
  };
}
