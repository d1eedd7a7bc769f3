// The gRPC server: TLS on 127.0.0.1, LND's services, the gate (readiness + macaroon) on every method.
import * as grpc from '@grpc/grpc-js';
import { handlerFactory, type GateContext, type StreamImpl, type UnaryImpl } from './auth';
import type { Message } from './fields';
import { RpcError } from './rpc-error';

/** Implemented methods of one service, keyed by proto method name (e.g. 'GetInfo'). */
export type MethodImpls = Record<string, UnaryImpl | StreamImpl>;

/** A service definition and its implemented methods. */
export interface ServiceBinding {
  definition: grpc.ServiceDefinition;
  impls: MethodImpls;
  /** False for services LND serves without the gate (its State service). */
  gated: boolean;
}

/**
 * Handlers for every method of the service: the implemented ones behind the gate, the others
 * passing the same gate and then answering UNIMPLEMENTED.
 */
export function completeService(
  binding: ServiceBinding,
  gate: GateContext,
  log: (msg: string) => void,
): grpc.UntypedServiceImplementation {
  const h = handlerFactory(binding.gated ? gate : undefined, log);
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(binding.definition)) {
    const given = binding.impls[name];
    const missing = (): never => {
      throw new RpcError(
        grpc.status.UNIMPLEMENTED,
        `${method.path} is not implemented by the boltboard lnd simulator`,
      );
    };
    const kind = method as grpc.MethodDefinition<Message, Message>;
    impl[name] = kind.responseStream
      ? h.stream(method.path, (given as StreamImpl | undefined) ?? missing)
      : h.unary(method.path, (given as UnaryImpl | undefined) ?? missing);
  }
  return impl;
}

/** What to serve and where. */
export interface GrpcServerOptions {
  services: ServiceBinding[];
  gate: GateContext;
  certPem: string;
  keyPem: string;
  /** 0 picks a free port. */
  port: number;
  log: (msg: string) => void;
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
    server.addService(binding.definition, completeService(binding, options.gate, options.log));
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
