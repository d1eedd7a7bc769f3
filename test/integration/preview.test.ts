import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paintPaid } from '../support/admin-client';
import { api } from '../support/api-client';
import { decodeBoardPng } from '../support/board-png';
import { startTestServer, type TestServer } from '../support/test-server';

const LETTERBOX = '#1c1c21';
const RED = 5; // '#d4361e' in the default palette
const GREEN = '#4aba38';

async function preview(baseUrl: string, query: string) {
  const response = await fetch(`${baseUrl}/api/preview.png${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  const png = Buffer.from(await response.arrayBuffer());
  // Set PREVIEW_SAVE_TO=/tmp/x to look at what a chat would show.
  if (process.env.PREVIEW_SAVE_TO) {
    await writeFile(`${process.env.PREVIEW_SAVE_TO}${query.replace(/\W+/g, '_')}.png`, png);
  }
  const { width, height } = await sharp(png).metadata();
  expect({ width, height }).toEqual({ width: 1200, height: 630 });
  return {
    png,
    seq: response.headers.get('x-canvas-seq'),
    region: response.headers.get('x-preview-region'),
    image: await decodeBoardPng(png),
  };
}

describe('GET /api/preview.png: a share preview of a region of the board', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    // A 4x3 sign: red top row, green bottom row, white between.
    const pixels = [];
    for (let x = 10; x < 14; x++) {
      pixels.push({ x, y: 20, color: RED }, { x, y: 22, color: GREEN });
    }
    await paintPaid(server.url, { pixels });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('renders a region scaled by whole factors, centred and letterboxed', async () => {
    const { image, region, seq } = await preview(server.url, '?x=10&y=20&w=4&h=3');
    expect(region).toBe('10,20,4,3');
    expect(seq).toBe('1');
    // 3 rows into 630 px: 210 px a board pixel; 4 columns are 840 px wide, 180 px bars each side.
    expect(image.colorAt(90, 315)).toBe(LETTERBOX);
    expect(image.colorAt(1110, 315)).toBe(LETTERBOX);
    expect(image.colorAt(180, 0)).toBe('#d4361e');
    expect(image.colorAt(1019, 209)).toBe('#d4361e');
    expect(image.colorAt(600, 210)).toBe('#ffffff');
    expect(image.colorAt(600, 419)).toBe('#ffffff');
    expect(image.colorAt(600, 420)).toBe(GREEN);
    expect(image.colorAt(1019, 629)).toBe(GREEN);
  });

  it('takes the page URL view (centre and zoom) and keeps it inside the board', async () => {
    const view = await preview(server.url, '?x=12&y=21&zoom=40');
    // What a 1200x630 screen shows at 40 px a board pixel: 30x16 board pixels around (12, 21).
    expect(view.region).toBe('0,13,30,16');
    const corner = await preview(server.url, '?x=999&y=999&zoom=2');
    expect(corner.region).toBe('400,685,600,315');
    const whole = await preview(server.url, '');
    expect(whole.region).toBe('0,0,1000,1000');
    expect(whole.image.colorAt(10, 315)).toBe(LETTERBOX);
    expect(whole.image.colorAt(600, 315)).toBe('#ffffff');
  });

  it('renders once per region and seq, and again after the board changed', async () => {
    const first = await preview(server.url, '?x=10&y=20&w=4&h=3');
    const again = await preview(server.url, '?x=10&y=20&w=4&h=3');
    expect(again.png.equals(first.png)).toBe(true);
    await paintPaid(server.url, { pixels: [{ x: 11, y: 21, color: RED }] });
    const changed = await preview(server.url, '?x=10&y=20&w=4&h=3');
    expect(changed.seq).toBe('2');
    expect(changed.image.colorAt(400, 315)).toBe('#d4361e');
  });

  it('refuses out-of-bounds input with the error format', async () => {
    for (const query of ['?w=0', '?zoom=0', '?zoom=1000', '?x=-1&w=5&h=5', '?x=abc&zoom=2']) {
      const answer = await api<{ error: { code: string } }>(server.url, `/api/preview.png${query}`);
      expect({ query, status: answer.status, code: answer.body.error?.code }).toEqual({
        query,
        status: 400,
        code: 'invalid_request',
      });
    }
  });
});
