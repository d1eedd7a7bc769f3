// The standalone simulator (npm run lnd-sim) driven from another process: its files, its flags
// and its HTTP control endpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {
  authenticatedLndGrpc,
  createInvoice,
  getInvoice,
  getWalletInfo,
  type AuthenticatedLnd,
} from 'ln-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from './simulator-test-support';

interface Started {
  host: string;
  certPath: string;
  macaroonPath: string;
  invoiceMacaroonPath: string;
  controlPort: number;
}

const CLI = path.join(import.meta.dirname, 'cli.ts');
const TSX = path.join(import.meta.dirname, '../../../node_modules/.bin/tsx');

describe('lnd-sim CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lnd-sim-cli-'));
  let child: ChildProcess;
  let started: Started;
  const lndWith = (macaroonPath: string): AuthenticatedLnd =>
    authenticatedLndGrpc({
      cert: fs.readFileSync(started.certPath).toString('base64'),
      macaroon: fs.readFileSync(macaroonPath).toString('base64'),
      socket: started.host,
    }).lnd;
  const control = async (route: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${started.controlPort}${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    child = spawn(
      TSX,
      [CLI, '--dir', dir, '--control-port', '0', '--gc-canceled-invoices-on-the-fly'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = readline.createInterface({ input: child.stdout! });
    started = JSON.parse(
      await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`lnd-sim exited with ${code}`)));
      }),
    ) as Started;
  }, 30_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes an invoice macaroon that, as in LND, cannot GetInfo but makes invoices', async () => {
    expect(started.invoiceMacaroonPath).toBe(path.join(dir, 'invoice.macaroon'));
    const lnd = lndWith(started.invoiceMacaroonPath);
    expect(await rejectionOf(getWalletInfo({ lnd }))).toMatchObject([
      503,
      'GetWalletInfoErr',
      { err: { code: 2, details: 'permission denied' } },
    ]);
    const invoice = await createInvoice({ lnd, tokens: 8 });
    expect(await control('/settle', { paymentHash: invoice.id })).toEqual({
      status: 200,
      body: { settled: true },
    });
    expect((await getInvoice({ lnd, id: invoice.id })).is_confirmed).toBe(true);
  });

  it('injects faults through the control endpoint', async () => {
    const lnd = lndWith(started.macaroonPath);
    const invoice = await createInvoice({ lnd, tokens: 9 });

    expect((await control('/state', { state: 'locked' })).body).toEqual({ state: 'locked' });
    expect(await rejectionOf(getInvoice({ lnd, id: invoice.id }))).toMatchObject([
      503,
      'UnexpectedLookupInvoiceErr',
      { err: { code: 2, details: 'wallet locked, unlock it to enable full RPC access' } },
    ]);
    await control('/state', { state: 'ready' });

    // Past its (default 24 h) expiry by the node's clock: canceled, then deleted (gc flag).
    expect((await control('/clock', { offsetMs: 25 * 3_600_000 })).body).toEqual({
      offsetMs: 25 * 3_600_000,
    });
    expect(await rejectionOf(getInvoice({ lnd, id: invoice.id }))).toMatchObject([
      503,
      'UnexpectedLookupInvoiceErr',
      { err: { code: 5, details: 'unable to locate invoice' } },
    ]);
    expect((await control('/silence', { on: true })).body).toEqual({ silenced: true });
    expect((await control('/status')).body).toEqual({
      state: 'ready',
      offsetMs: 25 * 3_600_000,
      silenced: true,
    });
    expect((await control('/drop-streams', {})).status).toBe(200);
    const baked = await control('/bake', { permissions: ['info:read'] });
    const infoOnly = authenticatedLndGrpc({
      cert: fs.readFileSync(started.certPath).toString('base64'),
      macaroon: String(baked.body.macaroonBase64),
      socket: started.host,
    }).lnd;
    expect((await getWalletInfo({ lnd: infoOnly })).alias).toBe('boltboard-lnd-simulator');
  });

  it('answers bad control requests with { error: { code, message } }', async () => {
    const cases: Array<[string, unknown, number, string]> = [
      ['/state', { state: 'asleep' }, 400, 'invalid_request'],
      ['/settle', { paymentHash: 'xyz' }, 400, 'invalid_request'],
      ['/bake', { permissions: ['wallet:read'] }, 400, 'invalid_request'],
      ['/nowhere', {}, 404, 'not_found'],
    ];
    for (const [route, body, status, code] of cases) {
      const res = await control(route, body);
      expect(res.status, route).toBe(status);
      expect(res.body, route).toMatchObject({ error: { code } });
    }
  });
});
