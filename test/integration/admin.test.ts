import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminChangesPage,
  RevertResult,
  SnapshotInfo,
  UndoResult,
} from '../../protocol/admin';
import type { ChangesSinceResult } from '../../protocol/changes';
import type { PixelHistory } from '../../protocol/pixel-history';
import { api, connectViewer, nextEvent, type TestSocket } from '../support/api-client';
import { adminApi, paintPaid, TEST_ADMIN_TOKEN } from '../support/admin-client';
import { fetchBoard } from '../support/board-png';
import { startTestServer, type TestServer } from '../support/test-server';

const RED = 5;
const GREEN = 10;
const BLUE = 13;

describe('operators: history, reverts, undos, snapshots, timelapse', () => {
  let server: TestServer;
  let viewer: TestSocket;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_TOKEN: TEST_ADMIN_TOKEN, SNAPSHOT_EVERY_CHANGES: '4' });
    viewer = await connectViewer(server.url);
  });
  afterAll(async () => {
    viewer?.close();
    await server?.destroy();
  });

  it('refuses admin calls without the token or with a wrong one, changing nothing', async () => {
    await paintPaid(server.url, { pixels: [{ x: 1, y: 1, color: RED }] });
    const seqBefore = server.context.changeLog.board.seq;
    for (const token of [null, 'wrong-token-wrong-token', `${TEST_ADMIN_TOKEN}x`]) {
      const revert = await adminApi(server.url, '/api/admin/revert', {
        body: { toSeq: 0 },
        token,
      });
      expect(revert.status).toBe(401);
      expect(revert.body).toMatchObject({ error: { code: 'unauthorized' } });
      const list = await adminApi(server.url, '/api/admin/changes', { token });
      expect(list.status).toBe(401);
    }
    const basic = await api(server.url, '/api/admin/changes', {
      headers: { Authorization: `Basic ${TEST_ADMIN_TOKEN}` },
    });
    expect(basic.status).toBe(401);
    expect(server.context.changeLog.board.seq).toBe(seqBefore);
    expect((await fetchBoard(server.url)).colorAt(1, 1)).toBe('#d4361e');
  });

  it('lists changes newest first with kind, time, order, size and bbox; filters them', async () => {
    const alice = await paintPaid(server.url, {
      pixels: [
        { x: 10, y: 10, color: GREEN },
        { x: 12, y: 11, color: GREEN },
      ],
      name: 'alice',
      message: 'hi',
    });
    const page = await adminApi<AdminChangesPage>(server.url, '/api/admin/changes?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.changes).toEqual([
      {
        seq: alice.seq,
        kind: 'paint',
        at: expect.any(String),
        actor: `order:${alice.id}`,
        orderId: alice.id,
        name: 'alice',
        message: 'hi',
        pixelCount: 2,
        bbox: { x: 10, y: 10, width: 3, height: 2 },
      },
    ]);
    expect(page.body.nextBefore).toBe(alice.seq);
    const older = await adminApi<AdminChangesPage>(
      server.url,
      `/api/admin/changes?before=${alice.seq}`,
    );
    expect(older.body.changes.map((c) => c.seq)).toEqual([alice.seq - 1]);
    const inRegion = await adminApi<AdminChangesPage>(
      server.url,
      '/api/admin/changes?x=11&y=11&width=5&height=5',
    );
    expect(inRegion.body.changes.map((c) => c.seq)).toEqual([alice.seq]);
    const missRegion = await adminApi<AdminChangesPage>(
      server.url,
      '/api/admin/changes?x=11&y=10&width=1&height=1',
    );
    expect(missRegion.body.changes).toEqual([]);
    const byOrder = await adminApi<AdminChangesPage>(
      server.url,
      `/api/admin/changes?orderId=${alice.id}`,
    );
    expect(byOrder.body.changes.map((c) => c.seq)).toEqual([alice.seq]);
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await adminApi<AdminChangesPage>(server.url, `/api/admin/changes?from=${future}`);
    expect(none.body.changes).toEqual([]);
    const bad = await adminApi(server.url, '/api/admin/changes?x=1');
    expect(bad.status).toBe(400);
  });

  it('reverts a region, broadcasting it; an offline client catches up; a revert of it restores', async () => {
    const before = server.context.changeLog.board.seq;
    await paintPaid(server.url, {
      pixels: [
        { x: 20, y: 20, color: BLUE },
        { x: 21, y: 20, color: BLUE },
        { x: 40, y: 40, color: BLUE },
      ],
    });
    const offline = await connectViewer(server.url);
    const offlineSeq = server.context.changeLog.board.seq;
    offline.close();

    const preview = await adminApi<RevertResult>(server.url, '/api/admin/revert?dryRun=true', {
      body: { toSeq: before, region: { x: 15, y: 15, width: 10, height: 10 } },
    });
    expect(preview.body).toEqual({ seq: offlineSeq, pixelCount: 2, dryRun: true });
    expect(server.context.changeLog.board.seq).toBe(offlineSeq);

    const broadcast = nextEvent(viewer, 'changes', ({ changes }) =>
      changes.some((c) => c.kind === 'revert'),
    );
    const revert = await adminApi<RevertResult>(server.url, '/api/admin/revert', {
      body: { toSeq: before, region: { x: 15, y: 15, width: 10, height: 10 }, note: 'spam' },
    });
    expect(revert.status).toBe(200);
    expect(revert.body).toEqual({ seq: offlineSeq + 1, pixelCount: 2 });
    expect((await broadcast).changes).toEqual([
      {
        seq: offlineSeq + 1,
        kind: 'revert',
        pixels: [
          [20, 20, 0],
          [21, 20, 0],
        ],
      },
    ]);
    const board = await fetchBoard(server.url);
    expect(board.colorAt(20, 20)).toBe('#ffffff');
    expect(board.colorAt(40, 40)).toBe('#3919d1'); // outside the region: unchanged

    const again = await connectViewer(server.url);
    const caughtUp = (await again.emitWithAck('changes:since', { seq: offlineSeq })) as {
      ok: true;
    } & ChangesSinceResult;
    again.close();
    expect(caughtUp.changes).toEqual([
      expect.objectContaining({
        seq: offlineSeq + 1,
        kind: 'revert',
        pixels: [
          [20, 20, 0],
          [21, 20, 0],
        ],
      }),
    ]);

    const history = await api<PixelHistory>(server.url, '/api/pixels/20/20');
    expect(history.body.history.map((e) => [e.seq, e.kind, e.color])).toEqual([
      [offlineSeq + 1, 'revert', 0],
      [offlineSeq, 'paint', BLUE],
    ]);
    const list = await adminApi<AdminChangesPage>(server.url, '/api/admin/changes?limit=1');
    expect(list.body.changes[0]).toMatchObject({ kind: 'revert', actor: 'operator', note: 'spam' });

    // Reverting the revert restores what it reverted.
    const undoRevert = await adminApi<RevertResult>(server.url, '/api/admin/revert', {
      body: { toSeq: offlineSeq },
    });
    expect(undoRevert.body).toEqual({ seq: offlineSeq + 2, pixelCount: 2 });
    expect((await fetchBoard(server.url)).colorAt(20, 20)).toBe('#3919d1');

    // Nothing differs: nothing is written.
    const noop = await adminApi<RevertResult>(server.url, '/api/admin/revert', {
      body: { toSeq: offlineSeq },
    });
    expect(noop.body).toEqual({ seq: offlineSeq + 2, pixelCount: 0 });
    expect(server.context.changeLog.board.seq).toBe(offlineSeq + 2);
  });

  it('reverts the whole board to a time, announced as reload when large', async () => {
    const at = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const big = Array.from({ length: 60_000 }, (_, i) => ({
      x: i % 1000,
      y: 500 + Math.floor(i / 1000),
      color: GREEN,
    }));
    const painted = await paintPaid(server.url, { pixels: big });
    const reload = nextEvent(viewer, 'reload');
    const revert = await adminApi<RevertResult>(server.url, '/api/admin/revert', { body: { at } });
    expect(revert.body).toEqual({ seq: painted.seq + 1, pixelCount: 60_000 });
    expect(await reload).toEqual({ seq: painted.seq + 1 });
    expect((await fetchBoard(server.url)).colorAt(5, 505)).toBe('#ffffff');
    const bad = await adminApi(server.url, '/api/admin/revert', { body: { toSeq: 1, at } });
    expect(bad.status).toBe(400);
    const future = await adminApi(server.url, '/api/admin/revert', { body: { toSeq: 10 ** 9 } });
    expect(future.status).toBe(400);
    const outside = await adminApi(server.url, '/api/admin/revert', {
      body: { toSeq: 0, region: { x: 990, y: 0, width: 20, height: 1 } },
    });
    expect(outside.status).toBe(400);
  });

  it('undoes an order except pixels painted again since, reporting them skipped', async () => {
    const first = await paintPaid(server.url, {
      pixels: [
        { x: 100, y: 100, color: RED },
        { x: 101, y: 100, color: RED },
        { x: 102, y: 100, color: RED },
      ],
    });
    await paintPaid(server.url, { pixels: [{ x: 101, y: 100, color: GREEN }] });
    const dry = await adminApi<UndoResult>(
      server.url,
      `/api/admin/orders/${first.id}/undo?dryRun=true`,
      { method: 'POST' },
    );
    expect(dry.body).toMatchObject({ restored: 2, skipped: 1, dryRun: true });
    const broadcast = nextEvent(viewer, 'changes', ({ changes }) =>
      changes.some((c) => c.kind === 'undo'),
    );
    const undo = await adminApi<UndoResult>(server.url, `/api/admin/orders/${first.id}/undo`, {
      body: { note: 'offensive' },
    });
    expect(undo.status).toBe(200);
    expect(undo.body).toEqual({ seq: server.context.changeLog.board.seq, restored: 2, skipped: 1 });
    expect((await broadcast).changes[0].pixels).toEqual([
      [100, 100, 0],
      [102, 100, 0],
    ]);
    const board = await fetchBoard(server.url);
    expect(board.colorAt(100, 100)).toBe('#ffffff');
    expect(board.colorAt(101, 100)).toBe('#4aba38');
    const twice = await adminApi<UndoResult>(server.url, `/api/admin/orders/${first.id}/undo`, {
      method: 'POST',
    });
    expect(twice.body).toEqual({ seq: undo.body.seq, restored: 0, skipped: 3 });
    const missing = await adminApi(
      server.url,
      '/api/admin/orders/00000000-0000-4000-8000-000000000000/undo',
      { method: 'POST' },
    );
    expect(missing.status).toBe(404);
  });

  it('lists snapshots and takes one by hand', async () => {
    const taken = await adminApi<SnapshotInfo>(server.url, '/api/admin/snapshots', {
      method: 'POST',
    });
    expect(taken.status).toBe(201);
    expect(taken.body.seq).toBe(server.context.changeLog.board.seq);
    const list = await adminApi<{ snapshots: SnapshotInfo[] }>(server.url, '/api/admin/snapshots');
    expect(list.body.snapshots[0]).toEqual(taken.body);
    expect(list.body.snapshots.length).toBeGreaterThan(1); // the scheduler took some too
  });

  it('serves boards at past seqs and a diff between two points', async () => {
    const head = server.context.changeLog.board.seq;
    const past = await fetchBoard(server.url, '?seq=1');
    expect(past.colorAt(1, 1)).toBe('#d4361e');
    expect(past.colorAt(10, 10)).toBe('#ffffff');
    const diff = await fetch(`${server.url}/api/admin/diff.png?fromSeq=1&toSeq=2`, {
      headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(diff.status).toBe(200);
    expect(diff.headers.get('x-diff-pixels')).toBe('2');
    const unauthorized = await fetch(`${server.url}/api/admin/diff.png?fromSeq=1`);
    expect(unauthorized.status).toBe(401);
    expect(server.context.changeLog.board.seq).toBe(head);
  });

  it('renders a timelapse as an animated WebP, publicly, in a worker', async () => {
    const response = await fetch(`${server.url}/api/timelapse.webp?frames=5&scale=0.5`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    const webp = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(webp, { animated: true }).metadata();
    expect(meta.width).toBe(500);
    expect(meta.pageHeight).toBe(500);
    expect(meta.pages).toBeGreaterThan(1);
    const last = await sharp(webp, { page: meta.pages! - 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const now = await fetchBoard(server.url);
    const at = (x: number, y: number) =>
      '#' +
      [...last.data.subarray((y * 500 + x) * last.info.channels).subarray(0, 3)]
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('');
    expect(at(10, 50)).toBe(now.colorAt(20, 100));
    expect(at(0, 0)).toBe(now.colorAt(0, 0));
    const bad = await fetch(`${server.url}/api/timelapse.webp?frames=301`);
    expect(bad.status).toBe(400);
  });

  it('rate-limits repeated failed sign-ins per address with 429 and Retry-After', async () => {
    let last = 0;
    let retryAfter: string | null = null;
    for (let i = 0; i < 20 && last !== 429; i++) {
      const answer = await adminApi(server.url, '/api/admin/changes', {
        token: 'nope-nope-nope-nope',
      });
      last = answer.status;
      retryAfter = answer.headers.get('retry-after');
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const evenRight = await adminApi(server.url, '/api/admin/changes');
    expect(evenRight.status).toBe(429);
  });
});

describe('operators without ADMIN_TOKEN', () => {
  it('has no admin routes at all', async () => {
    const server = await startTestServer();
    try {
      const answer = await adminApi(server.url, '/api/admin/changes');
      expect(answer.status).toBe(404);
    } finally {
      await server.destroy();
    }
  });
});
