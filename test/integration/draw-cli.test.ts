import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoltboardClient } from '../../client';
import { quantizeToPalette } from '../../protocol/palette-quantize';
import { startLndSimulator } from '../../server/lightning/simulator';
import { lndPayArgs, runDrawCli as draw, writeSolidPng } from '../support/run-draw-cli';
import { lndEnv } from '../support/simulator-env';
import { startTestServer, type TestServer } from '../support/test-server';

const IMAGE_WIDTH = 12;
const IMAGE_HEIGHT = 8;
const MAX_PIXELS_PER_ORDER = 20;

/** A gradient with a transparent 2x2 corner (top left), as RGBA. */
function testImageRgba(): Uint8Array {
  const data = new Uint8Array(IMAGE_WIDTH * IMAGE_HEIGHT * 4);
  for (let y = 0; y < IMAGE_HEIGHT; y++) {
    for (let x = 0; x < IMAGE_WIDTH; x++) {
      data.set([x * 21, y * 32, 255 - x * 10, x < 2 && y < 2 ? 0 : 255], (y * IMAGE_WIDTH + x) * 4);
    }
  }
  return data;
}

describe('npm run draw, end to end against a real server', () => {
  let server: TestServer;
  let dir: string;
  let image: string;
  const paidOrders = async () =>
    (
      await server.context.db.query<{ n: number; pixels: number }>(
        "SELECT count(*)::int AS n, coalesce(sum(pixel_count), 0)::int AS pixels FROM orders WHERE status = 'paid'",
      )
    ).rows[0];
  const allOrders = async () =>
    (await server.context.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders')).rows[0]
      .n;

  beforeAll(async () => {
    server = await startTestServer({
      CANVAS_WIDTH: '40',
      CANVAS_HEIGHT: '30',
      MAX_PIXELS_PER_ORDER: String(MAX_PIXELS_PER_ORDER),
    });
    dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-draw-'));
    image = path.join(dir, 'gradient.png');
    await sharp(Buffer.from(testImageRgba()), {
      raw: { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, channels: 4 },
    })
      .png()
      .toFile(image);
  });
  afterAll(async () => {
    await server?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const common = () => [
    '--image',
    image,
    '--x',
    '5',
    '--y',
    '3',
    '--url',
    server.url,
    '--state-dir',
    dir,
  ];
  const opaquePixels = IMAGE_WIDTH * IMAGE_HEIGHT - 4;

  it('--dry-run prints the count and price, writes a preview and buys nothing', async () => {
    const { code, output } = await draw([...common(), '--dry-run']);
    expect(code).toBe(0);
    expect(output).toContain(`dry run: ${opaquePixels} pixels, ${opaquePixels} sat`);
    expect(existsSync(path.join(dir, 'gradient.boltboard-preview.png'))).toBe(true);
    expect(await allOrders()).toBe(0);
  });

  it('an interrupted run resumes without paying twice, and draws the image exactly', async () => {
    const first = await draw([...common(), '--dev-pay', '--max-orders', '1']);
    expect(first.code).toBe(0);
    expect(await paidOrders()).toEqual({ n: 1, pixels: MAX_PIXELS_PER_ORDER });

    const second = await draw([...common(), '--dev-pay', '--name', 'bot']);
    expect(second.code).toBe(0);
    expect(second.output).toContain(`${opaquePixels - MAX_PIXELS_PER_ORDER} to buy`);
    const paid = await paidOrders();
    expect(paid).toEqual({
      n: Math.ceil(opaquePixels / MAX_PIXELS_PER_ORDER),
      pixels: opaquePixels,
    });

    const client = new BoltboardClient(server.url);
    const board = await client.board();
    const expected = quantizeToPalette(
      { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, data: testImageRgba() },
      (await client.settings()).palette,
      { dither: false },
    );
    for (let y = 0; y < IMAGE_HEIGHT; y++) {
      for (let x = 0; x < IMAGE_WIDTH; x++) {
        const want = expected[y * IMAGE_WIDTH + x];
        const have = board.pixels[(3 + y) * board.width + 5 + x];
        if (want < 0) expect((await client.pixelHistory(5 + x, 3 + y)).history).toEqual([]);
        else expect([x, y, have]).toEqual([x, y, want]);
      }
    }
    client.close();
  });

  it('a second run pays nothing', async () => {
    const before = await allOrders();
    const { code, output } = await draw([...common(), '--dev-pay']);
    expect(code).toBe(0);
    expect(output).toContain('0 to buy for 0 sat');
    expect(await allOrders()).toBe(before);
  });

  it('reuses an unpaid invoice of a killed run instead of ordering its pixels again', async () => {
    const moved = [
      '--image',
      image,
      '--x',
      '20',
      '--y',
      '15',
      '--url',
      server.url,
      '--state-dir',
      dir,
    ];
    const before = await allOrders();
    // No payer given: it prints the first invoice and waits; kill it there.
    const killed = await draw(moved, (line, kill) => {
      if (line.startsWith('lnbcrt')) kill();
    });
    expect(killed.code).toBe(null);
    expect(await allOrders()).toBe(before + 1);
    const resumed = await draw([...moved, '--dev-pay']);
    expect(resumed.code).toBe(0);
    expect(resumed.output).toContain('1 unpaid from an earlier run reused');
    const batches = Math.ceil(opaquePixels / MAX_PIXELS_PER_ORDER);
    expect(await allOrders()).toBe(before + batches);
    expect((await readdir(dir)).filter((name) => name.startsWith('.boltboard-draw-'))).toHaveLength(
      2,
    );
  });

  it('--keep buys back a damaged pixel within the budget', async () => {
    const small = path.join(dir, 'small.png');
    await writeSolidPng(small, 2, 2, [212, 54, 30, 255]);
    const args = ['--image', small, '--x', '0', '--y', '28', '--url', server.url];
    const client = new BoltboardClient(server.url);
    let damaged = false;
    const run = await draw(
      [...args, '--state-dir', dir, '--dev-pay', '--keep', '--budget', '1'],
      (line, kill) => {
        if (line.startsWith('keeping watch') && !damaged) {
          damaged = true;
          void client
            .createOrder({ pixels: [{ x: 1, y: 28, color: 3 }] })
            .then((order) => client.devPay(order.paymentRequest));
        }
        if (line.startsWith('repaired')) kill();
      },
    );
    expect(run.output).toContain('repaired 1 pixels; 1 sat spent on repairs');
    expect((await client.board()).pixels[28 * 40 + 1]).toBe(5);
    client.close();
  });
});

describe("npm run draw paying with the bot's own LND node (ln-service pay)", () => {
  it('pays every order from the node given by --lnd-host/--lnd-cert/--lnd-macaroon', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'boltboard-draw-lnd-'));
    // One regtest simulator serves as both the board's node and the bot's: it can only pay
    // invoices it issued itself, which is exactly the board's here.
    const node = await startLndSimulator({ dir: path.join(dir, 'node') });
    const server = await startTestServer({
      CANVAS_WIDTH: '20',
      CANVAS_HEIGHT: '20',
      MAX_PIXELS_PER_ORDER: '3',
      ...lndEnv(node),
    });
    try {
      const image = path.join(dir, 'dot.png');
      await writeSolidPng(image, 2, 2, [57, 25, 209, 255]);
      const run = await draw([
        '--image',
        image,
        '--x',
        '3',
        '--y',
        '4',
        '--url',
        server.url,
        '--state-dir',
        dir,
        ...lndPayArgs({ host: node.host, cert: node.certPath!, macaroon: node.macaroonPath! }),
      ]);
      expect(run.code).toBe(0);
      const paid = await server.context.db.query<{ n: number; pixels: number }>(
        "SELECT count(*)::int AS n, sum(pixel_count)::int AS pixels FROM orders WHERE status = 'paid'",
      );
      expect(paid.rows[0]).toEqual({ n: 2, pixels: 4 }); // 4 pixels, at most 3 an order
      const board = server.context.changeLog.board;
      expect([
        board.colorAt(3, 4),
        board.colorAt(4, 4),
        board.colorAt(3, 5),
        board.colorAt(4, 5),
      ]).toEqual([13, 13, 13, 13]);
    } finally {
      await server.destroy();
      await node.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
