// Baseline for the latency benchmark: a bare socket.io server that broadcasts a message of
// the same shape as Boltboard's `changes` when asked over HTTP. Its delivery time is the floor.
// Its WebSocket engine is engine.io's default, `ws`; whether `ws` loads its native addons is
// up to the environment the parent gives it (WS_NO_BUFFER_UTIL, WS_NO_UTF_8_VALIDATE).
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const httpServer = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  const [x, y] = (url.searchParams.get('key') ?? '0,0').split(',').map(Number);
  seq++;
  // Answer first: the bench paces samples from the answer, and Boltboard's trigger (the
  // simulator settling an invoice) returns before any fan-out too, not after the broadcast.
  res.writeHead(200).end();
  io.emit('changes', { changes: [{ seq, kind: 'paint', pixels: [[x, y, 1]] }] });
});
let seq = 0;
const io = new Server(httpServer, { serveClient: false });
io.on('connection', (socket) => socket.emit('hello', { seq }));
httpServer.listen(port, '127.0.0.1', () => process.send?.({ type: 'listening' }));
