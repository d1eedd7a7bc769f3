import { createHash } from 'node:crypto';
import {
  expect,
  test,
  type APIRequestContext,
  type Page,
  type WebSocketRoute,
} from '@playwright/test';
import sharp from 'sharp';
import { canvasPixel, hexRgb, openBoard, paidOrder, snap } from './support/board-page';

const WHITE = 0;
const RED = 5;
const BLUE = 13;
const GREEN = 10;
const DARK = 3;

/**
 * The page's socket.io connection, routed through the test so it can really be cut: the open
 * WebSocket is closed on both sides, and with the browser offline every new attempt fails to
 * connect until `restore`. (Chromium's offline mode alone leaves an open WebSocket open.)
 */
async function cuttableConnection(page: Page) {
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    open.push(ws, ws.connectToServer());
  });
  return {
    async cut() {
      await page.context().setOffline(true);
      for (const side of open.splice(0)) await side.close({ code: 4000, reason: 'cut' });
    },
    async restore() {
      await page.context().setOffline(false);
    },
  };
}

interface StatusEntry {
  state: string | null;
  seq: number | null;
}

/** From now on, records every state and seq the page's status pill shows. */
async function recordStatus(page: Page) {
  await page.getByTestId('board-status').evaluate((pill) => {
    const log: Array<{ state: string | null; seq: number | null }> = [];
    Object.assign(window, { boardStatusLog: log });
    const record = () => {
      const seq = /change (\d+)/.exec(pill.getAttribute('title') ?? '')?.[1];
      log.push({ state: pill.getAttribute('data-state'), seq: seq ? Number(seq) : null });
    };
    new MutationObserver(record).observe(pill, { attributes: true });
  });
}

/** What the status pill showed since `recordStatus`; throws if the page was reloaded since. */
async function statusLog(page: Page): Promise<StatusEntry[]> {
  const log = await page.evaluate(
    () => (window as unknown as { boardStatusLog?: StatusEntry[] }).boardStatusLog,
  );
  if (!log) throw new Error('the page was reloaded: the status log is gone');
  return log;
}

/** The seq of the change that painted a paid order. */
async function paintedSeq(request: APIRequestContext, orderId: string): Promise<number> {
  const order = (await (await request.get(`/api/orders/${orderId}`)).json()) as { seq?: number };
  expect(order.seq).toBeGreaterThan(0);
  return order.seq!;
}

/** SHA-256 of the page's board canvas, and of the server's board now, as RGBA. */
async function pageBoardDigest(page: Page): Promise<string> {
  return page.getByTestId('board').evaluate(async (canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  });
}
async function serverBoardDigest(request: APIRequestContext): Promise<string> {
  const png = await (await request.get('/api/canvas.png')).body();
  const rgba = await sharp(png).ensureAlpha().raw().toBuffer();
  return createHash('sha256').update(rgba).digest('hex');
}

/** Opens the board with a cuttable connection, counting the board images it fetches. */
async function openCuttableBoard(page: Page) {
  const connection = await cuttableConnection(page);
  const pngLoads = { count: 0 };
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/canvas.png') pngLoads.count++;
  });
  await openBoard(page);
  await recordStatus(page);
  return { connection, pngLoads };
}

/** While cut: the page says so, on the pill and over the board, and shows nothing as live. */
async function expectMarkedNotCurrent(page: Page) {
  await expect(page.getByTestId('board-status')).toHaveAttribute('data-state', 'reconnecting');
  await expect(page.getByTestId('board-status')).toHaveText('reconnecting…');
  await expect(page.getByTestId('stage')).toHaveAttribute('data-state', 'reconnecting');
  await expect(page.getByTestId('stage')).toContainText(
    'Connection lost. Reconnecting… (the board may be out of date)',
  );
}

/** Every time the page showed the board as live after the cut, it was at least at `seq`. */
function expectNeverStaleWhenLive(log: StatusEntry[], seq: number) {
  const cutAt = log.findIndex((entry) => entry.state === 'reconnecting');
  expect(cutAt).toBeGreaterThanOrEqual(0);
  const shownLive = log.slice(cutAt).filter((entry) => entry.state === 'live');
  expect(shownLive.length).toBeGreaterThan(0);
  for (const entry of shownLive) expect(entry.seq).toBeGreaterThanOrEqual(seq);
}

test('a page that lost its connection catches up by seq with what was paid meanwhile', async ({
  page,
  request,
}, testInfo) => {
  const before = await paidOrder(request, [
    { x: 20, y: 200, color: BLUE },
    { x: 21, y: 200, color: WHITE },
    { x: 22, y: 200, color: WHITE },
  ]);
  const { connection, pngLoads } = await openCuttableBoard(page);
  await expect.poll(() => canvasPixel(page, 'board', 20, 200)).toEqual(hexRgb('#3919d1'));
  const loadsBefore = pngLoads.count;

  await connection.cut();
  await expectMarkedNotCurrent(page);
  // Paid while the page is away: a new pixel, one painted over, and one painted twice.
  await paidOrder(request, [
    { x: 21, y: 200, color: RED },
    { x: 22, y: 200, color: RED },
  ]);
  const last = await paidOrder(request, [
    { x: 20, y: 200, color: RED },
    { x: 22, y: 200, color: GREEN },
  ]);
  const lastSeq = await paintedSeq(request, last);
  expect(lastSeq).toBeGreaterThan(await paintedSeq(request, before));
  // The page has heard nothing: still the old board, still marked as not current.
  expect(await canvasPixel(page, 'board', 21, 200)).toEqual(hexRgb('#ffffff'));
  await expectMarkedNotCurrent(page);
  await snap(page, testInfo, 'reconnecting');

  await connection.restore();
  await expect(page.getByTestId('board-status')).toHaveAttribute('data-state', 'live', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('stage')).not.toContainText('Reconnecting');
  await expect.poll(() => canvasPixel(page, 'board', 20, 200)).toEqual(hexRgb('#d4361e'));
  expect(await canvasPixel(page, 'board', 21, 200)).toEqual(hexRgb('#d4361e'));
  expect(await canvasPixel(page, 'board', 22, 200)).toEqual(hexRgb('#4aba38'));
  // The whole board is the server's, pixel for pixel.
  await expect.poll(() => pageBoardDigest(page)).toBe(await serverBoardDigest(request));
  await snap(page, testInfo, 'caught-up');

  const log = await statusLog(page); // still the same document: no page reload
  expect(log.map((entry) => entry.state)).toContain('catching-up');
  expectNeverStaleWhenLive(log, lastSeq);
  expect(pngLoads.count, 'caught up by seq, without reloading the board image').toBe(loadsBefore);
});

test('a page too far behind after a reconnection reloads the board image', async ({
  page,
  request,
}, testInfo) => {
  const { connection, pngLoads } = await openCuttableBoard(page);
  const loadsBefore = pngLoads.count;
  await connection.cut();
  await expectMarkedNotCurrent(page);

  // One order of 250,000 pixels (x 0..499, y 500..999) in stripes of four colours: more than
  // the server replays by seq (200,000), so it answers the page's catch-up with `reload`.
  const stripes = [RED, BLUE, GREEN, DARK];
  const pixels: Array<{ x: number; y: number; color: number }> = [];
  for (let y = 500; y < 1000; y++)
    for (let x = 0; x < 500; x++) pixels.push({ x, y, color: stripes[(x >> 4) % 4] });
  const seq = await paintedSeq(request, await paidOrder(request, pixels));
  await expectMarkedNotCurrent(page);

  await connection.restore();
  await expect(page.getByTestId('board-status')).toHaveAttribute('data-state', 'live', {
    timeout: 15_000,
  });
  expect(await canvasPixel(page, 'board', 0, 500)).toEqual(hexRgb('#d4361e'));
  expect(await canvasPixel(page, 'board', 16, 700)).toEqual(hexRgb('#3919d1'));
  expect(await canvasPixel(page, 'board', 47, 999)).toEqual(hexRgb('#4aba38'));
  expect(await canvasPixel(page, 'board', 499, 999)).toEqual(hexRgb('#222222'));
  await expect.poll(() => pageBoardDigest(page)).toBe(await serverBoardDigest(request));
  await snap(page, testInfo, 'reloaded');

  expectNeverStaleWhenLive(await statusLog(page), seq);
  expect(pngLoads.count, 'the board image was loaded again').toBe(loadsBefore + 1);
});
