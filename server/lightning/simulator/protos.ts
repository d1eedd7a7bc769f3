// Loads LND's own .proto files (shipped in the `lightning` npm package) the way ln-service does.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The options ln-service uses with @grpc/proto-loader; using the same keeps field shapes equal. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** The gRPC services the simulator serves. */
export interface LndServices {
  /** lnrpc.Lightning (lightning.proto). */
  lightning: grpc.ServiceDefinition;
  /** routerrpc.Router (router.proto). */
  router: grpc.ServiceDefinition;
  /** invoicesrpc.Invoices (invoices.proto). */
  invoices: grpc.ServiceDefinition;
  /** lnrpc.State (stateservice.proto), served before the node is ready. */
  state: grpc.ServiceDefinition;
}

/** Absolute path of the directory holding LND's .proto files inside the `lightning` package. */
export function lndProtosDir(): string {
  const requireHere = createRequire(import.meta.url);
  return path.join(path.dirname(requireHere.resolve('lightning/package.json')), 'grpc', 'protos');
}

let cached: LndServices | undefined;

function serviceOf(root: grpc.GrpcObject, pkg: string, name: string): grpc.ServiceDefinition {
  const namespace = root[pkg];
  if (typeof namespace !== 'object' || namespace === null || !(name in namespace)) {
    throw new Error(`LND proto service ${pkg}.${name} not found`);
  }
  const ctor = (namespace as grpc.GrpcObject)[name];
  if (typeof ctor !== 'function' || !('service' in ctor)) {
    throw new Error(`${pkg}.${name} is not a gRPC service`);
  }
  return ctor.service;
}

/** Loads LND's .proto files once (cached) and returns the service definitions served. */
export function loadLndServices(): LndServices {
  if (cached) return cached;
  const dir = lndProtosDir();
  const definition = protoLoader.loadSync(
    ['lightning.proto', 'router.proto', 'invoices.proto', 'stateservice.proto'].map((file) =>
      path.join(dir, file),
    ),
    { ...LOADER_OPTIONS, includeDirs: [dir] },
  );
  const root = grpc.loadPackageDefinition(definition);
  cached = {
    lightning: serviceOf(root, 'lnrpc', 'Lightning'),
    router: serviceOf(root, 'routerrpc', 'Router'),
    invoices: serviceOf(root, 'invoicesrpc', 'Invoices'),
    state: serviceOf(root, 'lnrpc', 'State'),
  };
  return cached;
}
