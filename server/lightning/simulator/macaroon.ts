// Macaroons of the simulated node. The bytes are the simulator's own format (a permission list
// signed with HMAC-SHA256 under the node's root key), but what they grant and how a refusal reads
// follow LND: permissions are LND's `entity:action` pairs (plus `uri:<full method>`), and the
// errors are the ones LND's macaroon service returns (gRPC code UNKNOWN).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** One LND permission, `entity:action` (e.g. `invoices:read`) or `uri:/lnrpc.Lightning/GetInfo`. */
export type Permission = string;

// LND's readPermissions, writePermissions and invoicePermissions (rpcserver.go).
/** What readonly.macaroon grants. */
export const READ_PERMISSIONS: readonly Permission[] = [
  'onchain:read',
  'offchain:read',
  'address:read',
  'message:read',
  'peers:read',
  'info:read',
  'invoices:read',
  'signer:read',
  'macaroon:read',
];

const WRITE_PERMISSIONS: readonly Permission[] = [
  'onchain:write',
  'offchain:write',
  'address:write',
  'message:write',
  'peers:write',
  'info:write',
  'invoices:write',
  'signer:generate',
  'macaroon:generate',
  'macaroon:write',
];

/** What admin.macaroon grants. */
export const ADMIN_PERMISSIONS: readonly Permission[] = [...READ_PERMISSIONS, ...WRITE_PERMISSIONS];

/** What invoice.macaroon grants (no info:read: GetInfo is refused with it). */
export const INVOICE_PERMISSIONS: readonly Permission[] = [
  'invoices:read',
  'invoices:write',
  'address:read',
  'address:write',
  'onchain:read',
];

const VALID_ENTITIES = new Set([
  'onchain',
  'offchain',
  'address',
  'message',
  'peers',
  'info',
  'invoices',
  'signer',
  'macaroon',
]);
const VALID_ACTIONS = new Set(['read', 'write', 'generate']);
const FORMAT = 'boltboard-lnd-simulator-macaroon-v1';
const SIGNATURE_BYTES = 32;

/** Throws unless `permission` is one LND's BakeMacaroon would accept. */
function assertValidPermission(permission: Permission): void {
  const at = permission.indexOf(':');
  const entity = permission.slice(0, at);
  const action = permission.slice(at + 1);
  if (at > 0 && entity === 'uri' && action.startsWith('/')) return;
  if (!VALID_ENTITIES.has(entity)) throw new Error(`invalid permission entity ${entity}`);
  if (!VALID_ACTIONS.has(action)) throw new Error(`invalid permission action ${action}`);
}

function sign(rootKey: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', rootKey).update(body).digest();
}

/** Bakes a macaroon granting exactly `permissions` under `rootKey`. */
export function bakeMacaroon(rootKey: Buffer, permissions: readonly Permission[]): Buffer {
  if (permissions.length === 0) throw new Error('macaroon must grant at least one permission');
  permissions.forEach(assertValidPermission);
  const body = Buffer.from(JSON.stringify({ format: FORMAT, permissions }), 'utf8');
  return Buffer.concat([body, sign(rootKey, body)]);
}

/** Outcome of reading a macaroon: its permissions, or LND's words for why it is not valid. */
export type MacaroonCheck =
  { ok: true; permissions: Set<Permission> } | { ok: false; error: string };

function parsePermissions(body: Buffer): Permission[] | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { format, permissions } = parsed as { format?: unknown; permissions?: unknown };
    if (format !== FORMAT || !Array.isArray(permissions)) return undefined;
    return permissions.every((p): p is string => typeof p === 'string') ? permissions : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the signature of `macaroon` under `rootKey` and returns what it grants. */
export function readMacaroon(rootKey: Buffer, macaroon: Buffer): MacaroonCheck {
  if (macaroon.length === 0) return { ok: false, error: 'empty macaroon data' };
  const body = macaroon.subarray(0, Math.max(0, macaroon.length - SIGNATURE_BYTES));
  const permissions = parsePermissions(body);
  if (!permissions) {
    return { ok: false, error: 'cannot determine data format of binary-encoded macaroon' };
  }
  const signature = macaroon.subarray(body.length);
  if (!timingSafeEqual(signature, sign(rootKey, body))) {
    return {
      ok: false,
      error: 'verification failed: signature mismatch after caveat verification',
    };
  }
  return { ok: true, permissions: new Set(permissions) };
}

/** True when `granted` allows a call of `fullMethod` needing `required` (LND also accepts `uri:`). */
export function allows(
  granted: ReadonlySet<Permission>,
  required: readonly Permission[],
  fullMethod: string,
): boolean {
  return required.every((p) => granted.has(p)) || granted.has(`uri:${fullMethod}`);
}
