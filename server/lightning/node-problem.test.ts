import { describe, expect, it } from 'vitest';
import { nodeProblemOf, type NodeProblem } from './node-problem';

const grpc = (code: number, details: string) => [
  503,
  'UnexpectedLookupInvoiceErr',
  { err: { code, details } },
];

describe('nodeProblemOf', () => {
  it.each<[string, unknown, NodeProblem]>([
    ['deleted invoice', grpc(5, 'unable to locate invoice'), 'not_found'],
    ['unknown hash', grpc(2, 'there are no existing invoices'), 'not_found'],
    [
      'invoice.macaroon on GetInfo',
      grpc(2, 'verification failed: permission denied'),
      'permission_denied',
    ],
    ['PERMISSION_DENIED code', grpc(7, 'no'), 'permission_denied'],
    ['locked wallet', grpc(2, 'wallet locked, unlock it to enable full RPC access'), 'locked'],
    ['ln-service locked', [503, 'LndLocked'], 'locked'],
    [
      'starting',
      grpc(2, 'the RPC server is in the process of starting up, but not yet ready to accept calls'),
      'starting',
    ],
    ['waiting', grpc(2, 'waiting to start, RPC services not available'), 'starting'],
    [
      'connection refused',
      grpc(14, 'No connection established. Last error: ECONNREFUSED'),
      'unreachable',
    ],
    ['deadline', grpc(4, 'Deadline exceeded'), 'unreachable'],
    ['ln-service no daemon', [503, 'FailedToConnectToDaemon'], 'unreachable'],
    ['anything else', grpc(2, 'invoice expired'), 'rejected'],
    ['a plain Error', new Error('boom'), 'rejected'],
  ])('%s', (_name, error, expected) => {
    expect(nodeProblemOf(error)).toBe(expected);
  });
});
