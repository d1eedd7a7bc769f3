// A child process holding many socket.io viewers of one server. It reports, for each change
// it sees (keyed by its first pixel "x,y"), the time the LAST of its viewers received it.
// Run with fork(); talks to the parent over IPC.
import { io, type Socket } from 'socket.io-client';
import type { WireChange } from '../protocol/changes';

interface Start {
  type: 'start';
  url: string;
  viewers: number;
  path?: string;
}
type Command = Start | { type: 'report' } | { type: 'reset' } | { type: 'stop' };

const sockets: Socket[] = [];
// key -> [viewers that got it, time the last one did]
let seen = new Map<string, [number, number]>();
let pixelsReceived = 0;
let messages = 0;

const now = () => performance.timeOrigin + performance.now();

function onChanges(payload: { changes: WireChange[] }, first: boolean) {
  const at = now();
  for (const change of payload.changes) {
    if (first) pixelsReceived += change.pixels.length;
    const pixel = change.pixels[0];
    if (!pixel) continue;
    const key = `${pixel[0]},${pixel[1]}`;
    const entry = seen.get(key);
    if (entry) {
      entry[0]++;
      entry[1] = at;
    } else seen.set(key, [1, at]);
  }
  if (first) messages++;
}

async function start({ url, viewers, path }: Start) {
  const batch = 200;
  for (let i = 0; i < viewers; i += batch) {
    const group = Array.from({ length: Math.min(batch, viewers - i) }, (_, j) => {
      const socket = io(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        path,
      });
      const first = sockets.length === 0 && j === 0;
      socket.on('changes', (payload: { changes: WireChange[] }) => onChanges(payload, first));
      return new Promise<Socket>((resolve, reject) => {
        socket.once('hello', () => resolve(socket));
        socket.once('connect', () => path && resolve(socket));
        socket.once('connect_error', reject);
      });
    });
    sockets.push(...(await Promise.all(group)));
  }
  process.send!({ type: 'started', viewers: sockets.length });
}

process.on('message', (command: Command) => {
  if (command.type === 'start') {
    start(command).catch((error: unknown) =>
      process.send!({ type: 'error', message: String(error) }),
    );
  } else if (command.type === 'report') {
    process.send!({
      type: 'report',
      // Only changes every viewer of this process received count as delivered.
      delivered: [...seen]
        .filter(([, [count]]) => count >= sockets.length)
        .map(([key, [, at]]) => [key, at]),
      pixelsReceived,
      messages,
    });
  } else if (command.type === 'reset') {
    seen = new Map();
    pixelsReceived = 0;
    messages = 0;
  } else {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
