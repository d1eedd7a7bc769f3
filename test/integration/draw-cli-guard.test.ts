import { createServer, request, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as lnService from 'ln-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLndSimulator, type LndSimulator } from '../../server/lightning/simulator';
import { lndPayArgs, runDrawCli, writeSolidPng } from '../support/run-draw-cli';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';

type Rewrite = (path: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * A board gone bad: an HTTP proxy in front of a real one that rewrites some JSON answers
 * (no socket.io: the CLI falls back to polling).
 */
async function startLyingBoard(
  target: string,
  rewrite: Rewrite,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const upstream = request(
      target + req.url,
      { method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          void (async () => {
            let body = Buffer.concat(chunks);
            if ((answer.headers['content-type'] ?? '').includes('application/json')) {
              const json = JSON.parse(body.toString()) as Record<string, unknown>;
              body = Buffer.from(JSON.stringify(await rewrite(`${req.method} ${req.url}`, json)));
            }
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            res.writeHead(answer.statusCode ?? 502, headers).end(body);
          })();
        });
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    server,
  };
}

describe('npm run draw decodes every invoice before its own node pays it', () => {
  let dir: string;
  let image: string;
  let node: LndSimulator;
  let board: TestServer;
  let lnd: ReturnType<typeof lnService.authenticatedLndGrpc>['lnd'];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-draw-guard-'));
    // One simulator is the board's node and the bot's: it pays invoices it issued itself.
    node = await startLndSimulator({ dir: path.join(dir, 'node') });
    board = await startTestServer({ CANVAS_WIDTH: '20', CANVAS_HEIGHT: '20', ...lndEnv(node) });
    lnd = lnService.authenticatedLndGrpc({
      socket: node.host,
      cert: node.certBase64,
      macaroon: node.macaroonBase64,
    }).lnd;
    image = path.join(dir, 'dot.png');
    await writeSolidPng(image, 2, 1, [57, 25, 209, 255]);
  });
  afterAll(async () => {
    await board?.destroy();
    await node?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const nodePays = () =>
    lndPayArgs({ host: node.host, cert: node.certPath!, macaroon: node.macaroonPath! });

  /** A real invoice of the node for `tokens` sat: a board could hand out any such. */
  const invoiceFor = async (tokens: number) =>
    (await lnService.createInvoice({ lnd, tokens, description: 'not what you ordered' })).request;

  it('pays an honest board exactly its price', async () => {
    const run = await runDrawCli([
      '--image',
      image,
      '--x',
      '0',
      '--y',
      '12',
      '--url',
      board.url,
      '--state-dir',
      dir,
      ...nodePays(),
    ]);
    expect(run.code).toBe(0);
    expect(board.context.changeLog.board.colorAt(1, 12)).toBe(13);
  });

  it.each<[string, () => Promise<Rewrite>, RegExp]>([
    [
      'an invoice for 0.5 BTC in answer to a 2-pixel order',
      async () => {
        const greedy = await invoiceFor(50_000_000);
        return async (route, body) =>
          route === 'POST /api/orders' ? { ...body, paymentRequest: greedy } : body;
      },
      /refused to pay: the invoice asks 50000000 sat for 2 pixels at 1 sat each \(2 sat\)/,
    ],
    [
      'an invoice 1 msat above the price',
      async () => {
        const nearly = (
          await lnService.createInvoice({ lnd, mtokens: '2001', description: 'a little more' })
        ).request;
        return async (route, body) =>
          route === 'POST /api/orders' ? { ...body, paymentRequest: nearly } : body;
      },
      /refused to pay: the invoice asks 2001 msat for 2 pixels at 1 sat each \(2 sat\)/,
    ],
    [
      'an invoice on another network than the board says',
      async () => async (route, body) =>
        route === 'GET /api/settings' ? { ...body, network: 'mainnet' } : body,
      /refused to pay: the invoice is for regtest but the board says it runs on mainnet/,
    ],
  ])('%s', async (name, makeRewrite, refusal) => {
    const liar = await startLyingBoard(board.url, await makeRewrite());
    try {
      const before = await lnService.getInvoices({ lnd, limit: 100 });
      const run = await runDrawCli([
        '--image',
        image,
        '--x',
        String(name.length % 15),
        '--y',
        '9',
        '--url',
        liar.url,
        '--state-dir',
        dir,
        ...nodePays(),
      ]);
      const after = await lnService.getInvoices({ lnd, limit: 100 });
      const paidNow = after.invoices.filter(
        (invoice) =>
          invoice.is_confirmed &&
          !before.invoices.some((old) => old.id === invoice.id && old.is_confirmed),
      );
      expect(run.output).toMatch(refusal);
      expect(run.code).not.toBe(0);
      expect(paidNow).toEqual([]); // nothing paid
    } finally {
      liar.server.closeAllConnections();
      liar.server.close();
    }
  });
});
