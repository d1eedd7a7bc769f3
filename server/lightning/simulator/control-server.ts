// HTTP control endpoint of the standalone simulator (127.0.0.1 only), so a test running the
// simulator as a separate process can inject faults. JSON in, JSON out; errors as
// { "error": { "code", "message" } }. The routes are listed in CONTROL_ROUTES_HELP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LndSimulator } from './index';
import { isNodeState } from './node-state';

/** One line per route, for the CLI's --help. */
export const CONTROL_ROUTES_HELP = [
  'POST /settle {"paymentHash":"<hex>","amountMsat"?:"<msat>"} -> {"settled":bool}',
  'POST /cancel {"paymentHash":"<hex>"}                       -> {"canceled":bool}',
  'POST /state  {"state":"ready|locked|starting|waiting-to-start"} -> {"state"}',
  'POST /silence {"on":bool}   silence invoice streams (events lost) -> {"silenced"}',
  'POST /clock  {"offsetMs":n} node clock = host clock + n (expiry runs) -> {"offsetMs"}',
  'POST /drop-streams          end invoice streams with UNAVAILABLE    -> {}',
  'POST /bake   {"permissions":["invoices:read",...]}        -> {"macaroonBase64"}',
  'GET  /status                                              -> {"state","offsetMs","silenced"}',
];

class BadRequest extends Error {}

type Body = Record<string, unknown>;

function field<T>(body: Body, key: string, check: (v: unknown) => v is T, what: string): T {
  const value = body[key];
  if (!check(value)) throw new BadRequest(`expected ${key} to be ${what}`);
  return value;
}

const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/i.test(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((p) => typeof p === 'string');
const isMsat = (v: unknown): v is string | undefined =>
  v === undefined || (typeof v === 'string' && /^\d+$/.test(v));

async function readJson(req: http.IncomingMessage): Promise<Body> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 65_536) throw new BadRequest('body too large');
  }
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new BadRequest('expected a JSON object');
  return parsed as Body;
}

/** Serves the control routes for `sim` on 127.0.0.1:`port` (0 picks one); resolves with the server. */
export async function startControlServer(
  sim: LndSimulator,
  port: number,
): Promise<{ port: number; close: () => Promise<void> }> {
  let silenced = false;
  const routes: Record<string, (body: Body) => Promise<Body> | Body> = {
    'POST /settle': async (b) => ({
      settled: await sim.settleInvoice(
        field(b, 'paymentHash', isHash, 'a 32-byte hex hash'),
        field(b, 'amountMsat', isMsat, 'a decimal string'),
      ),
    }),
    'POST /cancel': async (b) => ({
      canceled: await sim.cancelInvoice(field(b, 'paymentHash', isHash, 'a 32-byte hex hash')),
    }),
    'POST /state': (b) => {
      sim.setNodeState(field(b, 'state', isNodeState, 'a node state'));
      return { state: sim.nodeState };
    },
    'POST /silence': (b) => {
      silenced = field(b, 'on', isBool, 'a boolean');
      sim.silenceInvoiceStreams(silenced);
      return { silenced };
    },
    'POST /clock': async (b) => {
      await sim.setClockOffsetMs(field(b, 'offsetMs', isFiniteNumber, 'a number'));
      return { offsetMs: sim.clockOffsetMs };
    },
    'POST /drop-streams': () => {
      sim.dropInvoiceStreams();
      return {};
    },
    'POST /bake': (b) => {
      const permissions = field(b, 'permissions', isStringList, 'a list of permissions');
      try {
        return { macaroonBase64: sim.bakeMacaroon(permissions).toString('base64') };
      } catch (err) {
        throw new BadRequest(err instanceof Error ? err.message : String(err));
      }
    },
    'GET /status': () => ({ state: sim.nodeState, offsetMs: sim.clockOffsetMs, silenced }),
  };

  const server = http.createServer((req, res) => {
    const reply = (status: number, body: Body): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const route = routes[`${req.method} ${req.url}`];
    if (!route) return reply(404, { error: { code: 'not_found', message: 'no such route' } });
    readJson(req)
      .then(route)
      .then(
        (body) => reply(200, body),
        (err: unknown) => {
          const bad = err instanceof BadRequest || err instanceof SyntaxError;
          const message = err instanceof Error ? err.message : String(err);
          reply(bad ? 400 : 500, {
            error: { code: bad ? 'invalid_request' : 'internal', message },
          });
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
