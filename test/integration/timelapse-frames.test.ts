import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animatedWebpFrames } from '../../app/timelapse/_player/animated-webp-frames';
import { frameAtStep, frameStartSteps } from '../../app/timelapse/_player/frame-steps';
import { timelapseFramesSchema, type TimelapseFrames } from '../../protocol/timelapse';
import { paintPaid } from '../support/admin-client';
import { api } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

const RED = 5; // '#d4361e'
const BLUE = 13; // '#3919d1'

describe('GET /api/timelapse.json: the frames of a timelapse, for a player with dates', () => {
  let server: TestServer;
  const paintedAt: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ CANVAS_WIDTH: '40', CANVAS_HEIGHT: '30' });
    for (const pixels of [
      [{ x: 3, y: 4, color: RED }],
      [{ x: 20, y: 10, color: 0 }], // white on white: the animation has no frame for it
      [{ x: 30, y: 20, color: BLUE }],
    ]) {
      const { seq } = await paintPaid(server.url, { pixels });
      const { body } = await api<{ changes: Array<{ seq: number; at: string }> }>(
        server.url,
        `/api/changes?since=${seq - 1}`,
      );
      paintedAt.push(body.changes[0].at);
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('lists each frame with its seq and time, and points at the animation of the same plan', async () => {
    const { status, body } = await api<TimelapseFrames>(
      server.url,
      '/api/timelapse.json?frames=120',
    );
    expect(status).toBe(200);
    const frames = timelapseFramesSchema.strict().parse(body);
    expect(frames).toMatchObject({ width: 40, height: 30, frameMs: 80 });
    expect(frames.frames).toEqual([
      { seq: 0, at: null },
      { seq: 1, at: paintedAt[0] },
      { seq: 2, at: paintedAt[1] },
      { seq: 3, at: paintedAt[2] },
    ]);
    expect(frames.webp).toBe('/api/timelapse.webp?fromSeq=0&toSeq=3&frames=120&scale=1');

    // The animation it names, split and placed on the planned frames as the page's player does.
    const webp = await fetch(server.url + frames.webp);
    expect(webp.headers.get('x-timelapse-frames')).toBe('4');
    const animation = animatedWebpFrames(new Uint8Array(await webp.arrayBuffer()));
    expect(animation).toMatchObject({ width: 40, height: 30 });
    const starts = frameStartSteps(
      animation.frames.map((frame) => frame.durationMs),
      frames.frameMs,
    );
    expect(starts).toEqual([0, 1, 3]); // seq 2 changed nothing: frame 1 holds on
    expect([0, 1, 2, 3].map((step) => frameAtStep(starts, step))).toEqual([0, 1, 1, 2]);

    // Blending every frame in order gives the board as it is now.
    const board = await sharp({
      create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite(
        animation.frames.map((frame) => ({
          input: Buffer.from(frame.still),
          left: frame.x,
          top: frame.y,
        })),
      )
      .raw()
      .toBuffer();
    const colour = (x: number, y: number) =>
      '#' +
      [...board.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 3)]
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('');
    expect([colour(3, 4), colour(30, 20), colour(20, 10), colour(0, 0)]).toEqual([
      '#d4361e',
      '#3919d1',
      '#ffffff',
      '#ffffff',
    ]);
  });

  it('answers a bad query as the animation does', async () => {
    const { status, body } = await api<{ error: { code: string } }>(
      server.url,
      '/api/timelapse.json?toSeq=99',
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
  });
});
