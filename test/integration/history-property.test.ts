import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Region, RevertResult, UndoResult } from '../../protocol/admin';
import type { ChangeKind } from '../../protocol/changes';
import type { PixelHistory } from '../../protocol/pixel-history';
import { DEFAULT_PALETTE } from '../../protocol/settings';
import { api } from '../support/api-client';
import { adminApi, paintPaid, TEST_ADMIN_TOKEN } from '../support/admin-client';
import { fetchBoard } from '../support/board-png';
import { startTestServer, type TestServer } from '../support/test-server';

const SIZE = 6;
const COLORS = 4; // few colours: reverts and repaints often land on the colour already there

type Op =
  | { kind: 'paint'; pixels: Array<{ x: number; y: number; color: number }> }
  | { kind: 'revert'; at: number; region?: Region }
  | { kind: 'undo'; order: number };

const coordinate = fc.integer({ min: 0, max: SIZE - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .uniqueArray(fc.record({ x: coordinate, y: coordinate }), {
        minLength: 1,
        maxLength: 8,
        selector: (p) => p.y * SIZE + p.x,
      })
      .chain((points) =>
        fc
          .array(fc.integer({ min: 0, max: COLORS - 1 }), {
            minLength: points.length,
            maxLength: points.length,
          })
          .map((colors) => ({
            kind: 'paint' as const,
            pixels: points.map((p, i) => ({ ...p, color: colors[i] })),
          })),
      ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('revert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      region: fc.option(
        fc.record({ x: coordinate, y: coordinate }).chain(({ x, y }) =>
          fc.record({
            x: fc.constant(x),
            y: fc.constant(y),
            width: fc.integer({ min: 1, max: SIZE - x }),
            height: fc.integer({ min: 1, max: SIZE - y }),
          }),
        ),
        { nil: undefined },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), order: fc.nat() }) },
);

/** The reference: the board after every seq, and every pixel's events, in plain arrays. */
class Model {
  boards: Uint8Array[] = [new Uint8Array(SIZE * SIZE)];
  events: Array<Array<{ seq: number; kind: ChangeKind; color: number }>> = Array.from(
    { length: SIZE * SIZE },
    () => [],
  );
  orders: Array<{ id: string; seq: number; cells: number[] }> = [];

  get head() {
    return this.boards.length - 1;
  }

  /** Appends a change of these cell colours; returns its seq. */
  write(kind: ChangeKind, cells: Map<number, number>): number {
    const board = this.boards[this.head].slice();
    const seq = this.head + 1;
    for (const [cell, color] of cells) {
      board[cell] = color;
      this.events[cell].push({ seq, kind, color });
    }
    this.boards.push(board);
    return seq;
  }
}

describe('history property: paints, reverts and undos against a reference model', () => {
  let server: TestServer;
  const model = new Model();

  beforeAll(async () => {
    server = await startTestServer({
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      CANVAS_WIDTH: String(SIZE),
      CANVAS_HEIGHT: String(SIZE),
      SNAPSHOT_EVERY_CHANGES: '3', // replays start from snapshots as well as from seq 0
    });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  async function run(op: Op) {
    if (op.kind === 'paint') {
      const painted = await paintPaid(server.url, { pixels: op.pixels });
      const seq = model.write('paint', new Map(op.pixels.map((p) => [p.y * SIZE + p.x, p.color])));
      expect(painted.seq).toBe(seq);
      model.orders.push({ id: painted.id, seq, cells: op.pixels.map((p) => p.y * SIZE + p.x) });
    } else if (op.kind === 'revert') {
      const toSeq = Math.min(model.head, Math.floor(op.at * (model.head + 1)));
      const target = model.boards[toSeq];
      const now = model.boards[model.head];
      const r = op.region ?? { x: 0, y: 0, width: SIZE, height: SIZE };
      const cells = new Map<number, number>();
      for (let y = r.y; y < r.y + r.height; y++)
        for (let x = r.x; x < r.x + r.width; x++)
          if (now[y * SIZE + x] !== target[y * SIZE + x])
            cells.set(y * SIZE + x, target[y * SIZE + x]);
      const answer = await adminApi<RevertResult>(server.url, '/api/admin/revert', {
        body: { toSeq, ...(op.region ? { region: op.region } : {}) },
      });
      const seq = cells.size > 0 ? model.write('revert', cells) : model.head;
      expect(answer.body).toEqual({ seq, pixelCount: cells.size });
      // Inside the region the board is the board at toSeq; outside, unchanged.
      for (let cell = 0; cell < SIZE * SIZE; cell++) {
        const [x, y] = [cell % SIZE, Math.floor(cell / SIZE)];
        const inside = x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
        expect(model.boards[model.head][cell]).toBe(inside ? target[cell] : now[cell]);
      }
    } else {
      if (model.orders.length === 0) return;
      const order = model.orders[op.order % model.orders.length];
      const cells = new Map<number, number>();
      for (const cell of order.cells) {
        const events = model.events[cell];
        if (events[events.length - 1].seq === order.seq)
          cells.set(cell, model.boards[order.seq - 1][cell]);
      }
      const answer = await adminApi<UndoResult>(server.url, `/api/admin/orders/${order.id}/undo`, {
        method: 'POST',
      });
      const seq = cells.size > 0 ? model.write('undo', cells) : model.head;
      expect(answer.body).toEqual({
        seq,
        restored: cells.size,
        skipped: order.cells.length - cells.size,
      });
    }
  }

  async function expectBoard(query: string, board: Uint8Array) {
    const png = await fetchBoard(server.url, query);
    for (let cell = 0; cell < SIZE * SIZE; cell++) {
      expect(png.colorAt(cell % SIZE, Math.floor(cell / SIZE))).toBe(DEFAULT_PALETTE[board[cell]]);
    }
  }

  it('matches the model after every run: board now, board at every seq, pixel histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 10 }), async (ops) => {
        const firstNewSeq = model.head + 1;
        for (const op of ops) await run(op);
        expect(server.context.changeLog.board.seq).toBe(model.head);
        await expectBoard('', model.boards[model.head]);
        // canvas.png?seq=k is the replay of the log to k: the new seqs, and some older ones.
        const older = [0, Math.floor(firstNewSeq / 2), Math.max(0, firstNewSeq - 1)];
        for (let seq = firstNewSeq; seq <= model.head; seq++) older.push(seq);
        for (const seq of older) await expectBoard(`?seq=${seq}`, model.boards[seq]);
        for (let cell = 0; cell < SIZE * SIZE; cell++) {
          const [x, y] = [cell % SIZE, Math.floor(cell / SIZE)];
          const { body } = await api<PixelHistory>(server.url, `/api/pixels/${x}/${y}`);
          expect(body.color).toBe(model.boards[model.head][cell]);
          expect(body.history.map(({ seq, kind, color }) => ({ seq, kind, color }))).toEqual(
            [...model.events[cell]].reverse().slice(0, 100),
          );
        }
      }),
      { numRuns: 50 },
    );
  }, 180_000); // 50 runs: about 30 s alone, more on a loaded machine
});
