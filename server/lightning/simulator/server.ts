// The gRPC server: TLS on 127.0.0.1, LND's Lightning and Router services, macaroon on every method.
import * as grpc from '@grpc/grpc-js';
import { checkMacaroon } from './auth';
import type { Message } from './fields';
import { RpcError, toServiceError } from './rpc-error';

/** Implemented handlers of one service, keyed by proto method name (e.g. 'GetInfo'). */
export type MethodHandlers = Record<string, grpc.UntypedHandleCall>;

/** A service definition and its implemented methods. */
export interface ServiceBinding {
  definition: grpc.ServiceDefinition;
  handlers: MethodHandlers;
}

function fallback(
  path: string,
  kind: grpc.MethodDefinition<Message, Message>,
  macaroon: Buffer,
): grpc.UntypedHandleCall {
  const refusal = (metadata: grpc.Metadata): grpc.ServerErrorResponse =>
    toServiceError(
      checkMacaroon(metadata, macaroon) ??
        new RpcError(
          grpc.status.UNIMPLEMENTED,
          `${path} is not implemented by the boltboard lnd simulator`,
        ),
    );
  if (!kind.responseStream) {
    const unary: grpc.handleUnaryCall<Message, Message> = (call, callback) =>
      callback(refusal(call.metadata));
    return unary;
  }
  const streaming: grpc.handleServerStreamingCall<Message, Message> = (call) => {
    call.emit('error', refusal(call.metadata));
  };
  return streaming;
}

/**
 * Completes `handlers` so that every method of the service exists; the missing ones check the
 * macaroon and then answer UNIMPLEMENTED.
 */
export function completeService(
  binding: ServiceBinding,
  macaroon: Buffer,
): grpc.UntypedServiceImplementation {
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(binding.definition)) {
    impl[name] =
      binding.handlers[name] ??
      fallback(method.path, method as grpc.MethodDefinition<Message, Message>, macaroon);
  }
  return impl;
}

/** What to serve and where. */
export interface GrpcServerOptions {
  services: ServiceBinding[];
  macaroon: Buffer;
  certPem: string;
  keyPem: string;
  /** 0 picks a free port. */
  port: number;
}

/** Starts the TLS gRPC server on 127.0.0.1; resolves with the server and its bound port. */
export function startGrpcServer(
  options: GrpcServerOptions,
): Promise<{ server: grpc.Server; port: number }> {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': -1,
    'grpc.max_send_message_length': -1,
  });
  for (const binding of options.services) {
    server.addService(binding.definition, completeService(binding, options.macaroon));
  }
  const credentials = grpc.ServerCredentials.createSsl(
    null,
    [{ private_key: Buffer.from(options.keyPem), cert_chain: Buffer.from(options.certPem) }],
    false,
  );
  return new Promise((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${options.port}`, credentials, (err, port) => {
      if (err) {
        server.forceShutdown();
        reject(err);
      } else {
        resolve({ server, port });
      }
    });
  });
}

/** Gracefully stops `server`, forcing it after `graceMs` if calls are still open. */
export function stopGrpcServer(server: grpc.Server, graceMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
