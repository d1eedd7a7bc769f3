import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { connectViewer, type TestSocket } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

type AnyAnswer = { ok: boolean; error?: { code: string } };

function open(url: string, forwardedFor?: string, namespace = ''): Promise<Socket> {
  const socket = connect(url + namespace, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

const disconnected = (socket: Socket | TestSocket) =>
  new Promise<string>((resolve) =>
    (socket as Socket).once('disconnect', (reason: string) => resolve(reason)),
  );

describe('socket.io limits hold before handlers run', () => {
  let server: TestServer | undefined;
  const sockets: Array<Socket | TestSocket> = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server?.destroy();
    server = undefined;
  });

  it('caps connections per client, by the client the trusted proxy names', async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_CLIENT: '3', TRUST_PROXY: '1' });
    for (let i = 0; i < 3; i++) sockets.push(await open(server.url, '198.51.100.1'));
    await expect(open(server.url, '198.51.100.1')).rejects.toThrow();
    sockets.push(await open(server.url, '198.51.100.2'));
    // A closed connection frees its place.
    sockets.shift()!.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    sockets.push(await open(server.url, '198.51.100.1'));
  });

  it('refuses an oversized small event without running its handler, and stays connected', async () => {
    server = await startTestServer();
    const socket = await connectViewer(server.url);
    sockets.push(socket);
    const emit = (payload: unknown) =>
      (socket as unknown as Socket).emitWithAck('changes:since', payload) as Promise<AnyAnswer>;
    const refused = await emit({ seq: 0, pad: 'x'.repeat(20_000) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'body_too_large' } });
    expect(await emit({ seq: 0 })).toMatchObject({ ok: true });
  });

  it('lets an order event be large, up to the socket cap; bigger ones never reach the handler', async () => {
    server = await startTestServer();
    const socket = await connectViewer(server.url);
    sockets.push(socket);
    const pixels = Array.from({ length: 2000 }, (_, i) => ({
      x: i % 1000,
      y: Math.floor(i / 1000),
      color: 1,
    }));
    const answer = (await socket.emitWithAck('order:create', { pixels })) as AnyAnswer;
    expect(answer.ok).toBe(true);
    const gone = disconnected(socket);
    const huge = Array.from({ length: 60_000 }, (_, i) => ({
      x: i % 1000,
      y: Math.floor(i / 1000),
      color: 1,
    }));
    socket.emit('order:create', { pixels: huge }, () => undefined);
    await gone;
    const count = await server.context.db.query('SELECT count(*)::int AS n FROM orders');
    expect(count.rows[0].n).toBe(1);
  });

  it('answers rate_limited once a socket sends events faster than its limit', async () => {
    server = await startTestServer({ SOCKET_EVENTS_PER_MINUTE: '300' }); // bursts of 60
    const socket = await connectViewer(server.url);
    sockets.push(socket);
    const answers = (await Promise.all(
      Array.from({ length: 100 }, () => socket.emitWithAck('settings:get', {})),
    )) as AnyAnswer[];
    const limited = answers.filter((answer) => answer.error?.code === 'rate_limited').length;
    expect(limited).toBeGreaterThan(20);
    expect(answers.filter((answer) => answer.ok).length).toBeGreaterThanOrEqual(60);
  });

  it('drops an oversized small satoshis.place event, answering the next one', async () => {
    server = await startTestServer();
    const bot = await open(server.url, undefined, '/satoshis-place');
    sockets.push(bot);
    const answers: unknown[] = [];
    bot.on('GET_SETTINGS_RESULT', (answer) => answers.push(answer));
    bot.emit('GET_SETTINGS', 'x'.repeat(20_000));
    bot.emit('GET_SETTINGS');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answers).toHaveLength(1);
  });
});
