/**
 * What went wrong when the node answered a call, read from the gRPC status LND sends (ln-service
 * wraps it as `[status, 'Message', { err }]`). The app decides per problem: retry later, tell
 * the operator, or treat a missing invoice as unpaid.
 */
export type NodeProblem =
  /** No answer: connection refused, dropped, timed out. */
  | 'unreachable'
  /** The macaroon lacks the permission for this call. */
  | 'permission_denied'
  /** The wallet is locked: `lncli unlock` is needed. */
  | 'locked'
  /** The node is still starting (or waiting to start) its RPC services. */
  | 'starting'
  /** No such invoice (never created, or canceled and deleted by LND's gc). */
  | 'not_found'
  /** The node answered with any other error. */
  | 'rejected';

interface GrpcStatus {
  code?: number;
  details: string;
}

const GRPC_NOT_FOUND = 5;
const GRPC_PERMISSION_DENIED = 7;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

const RULES: Array<[NodeProblem, (status: GrpcStatus) => boolean]> = [
  [
    'locked',
    // LND >= 0.13 says "wallet locked"; older ones did not register the service at all.
    ({ details }) => /wallet locked|LndLocked|unknown service lnrpc\.Lightning/i.test(details),
  ],
  [
    'starting',
    ({ details }) =>
      /process of starting up|waiting to start|not yet ready|server is still/i.test(details),
  ],
  [
    'permission_denied',
    ({ code, details }) => code === GRPC_PERMISSION_DENIED || /permission denied/i.test(details),
  ],
  [
    'not_found',
    ({ code, details }) =>
      code === GRPC_NOT_FOUND ||
      /unable to locate invoice|there are no existing invoices/i.test(details),
  ],
  [
    'unreachable',
    ({ code, details }) =>
      code === GRPC_UNAVAILABLE ||
      code === GRPC_DEADLINE_EXCEEDED ||
      /FailedToConnectToDaemon|failed to connect|ECONNREFUSED|ECONNRESET|No connection established|Connection dropped/i.test(
        details,
      ),
  ],
];

/** Classifies a rejection from ln-service (or a raw gRPC error). */
export function nodeProblemOf(error: unknown): NodeProblem {
  const status = grpcStatusOf(error);
  return RULES.find(([, matches]) => matches(status))?.[0] ?? 'rejected';
}

/** A readable one-line description of an ln-service rejection. */
export function describeLnError(error: unknown): string {
  const { code, details } = grpcStatusOf(error);
  return code === undefined ? details : `${details} (gRPC code ${code})`;
}

function grpcStatusOf(error: unknown): GrpcStatus {
  if (Array.isArray(error)) {
    const words = error.filter((part) => typeof part !== 'object').join(' ');
    const wrapped = error.find(
      (part): part is { err: unknown } =>
        typeof part === 'object' && part !== null && 'err' in part,
    );
    if (wrapped) {
      const inner = grpcStatusOf(wrapped.err);
      return { code: inner.code, details: `${words}: ${inner.details}` };
    }
    return { details: words };
  }
  if (error && typeof error === 'object') {
    const { code, details, message } = error as {
      code?: unknown;
      details?: unknown;
      message?: unknown;
    };
    return {
      code: typeof code === 'number' ? code : undefined,
      details: String(details || message || ''),
    };
  }
  return { details: String(error) };
}
