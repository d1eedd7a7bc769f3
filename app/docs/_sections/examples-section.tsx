const curl = (origin: string) => `# settings, board, changes
curl ${origin}/api/settings
curl -o board.png -D - ${origin}/api/canvas.png     # X-Canvas-Seq: 42
curl '${origin}/api/changes?since=42&limit=500'

# order two pixels (palette index or #rrggbb), then watch the order
curl -X POST ${origin}/api/orders -H 'content-type: application/json' \\
  -d '{"pixels":[{"x":10,"y":20,"color":5},{"x":11,"y":20,"color":"#4aba38"}],"name":"bot"}'
curl ${origin}/api/orders/ORDER_ID

# simulator only: the test wallet pays
curl -X POST ${origin}/api/dev/pay -H 'content-type: application/json' \\
  -d '{"paymentRequest":"lnbcrt..."}'
curl ${origin}/api/pixels/10/20`;

const typescript = (origin: string) => `import { BoltboardClient } from './client';

const board = new BoltboardClient('${origin}');
const { seq, pixels, width } = await board.board();          // palette indices, decoded with sharp
const live = board.subscribeChanges({
  onChanges: (changes) => {
    for (const change of changes) for (const [x, y, color] of change.pixels) pixels[y * width + x] = color;
  },
  onReload: async () => { /* download board.board() again */ },
}, seq);                                                     // catches up by seq after reconnects

const order = await board.createOrder({ pixels: [{ x: 10, y: 20, color: 5 }], name: 'bot' });
console.log(order.paymentRequest);                           // pay it with any wallet
const done = await board.waitForOrder(order.id);             // socket events, HTTP polling fallback
console.log(done.status, done.seq);
live.stop();
board.close();`;

const socketExample = (origin: string) => `import { io } from 'socket.io-client';

const socket = io('${origin}', { transports: ['websocket'] });
let seq = -1;
socket.on('hello', async (hello) => {
  if (seq < 0) seq = hello.seq;
  else if (hello.seq > seq) {
    const answer = await socket.emitWithAck('changes:since', { seq });
    if (answer.ok && !answer.reload) { /* apply answer.changes */ }
  }
});
socket.on('changes', ({ changes }) => { seq = changes[changes.length - 1].seq; /* apply */ });
const created = await socket.emitWithAck('order:create', { pixels: [{ x: 1, y: 2, color: 3 }] });
if (!created.ok) console.error(created.error.code, created.error.message);
socket.on('order', (event) => console.log(event.id, event.status));`;

const CLI = `npm run draw -- --image cat.png --x 100 --y 200 --width 64 --dither --dry-run
npm run draw -- --image cat.png --x 100 --y 200 --width 64 --dither --dev-pay
npm run draw -- --image cat.png --x 100 --y 200 --lnd-host mynode:10009 \\
  --lnd-cert tls.cert --lnd-macaroon admin.macaroon --keep --budget 500`;

/** Copy-paste examples against this board (`origin`): curl, the typed client, raw socket.io, the drawing CLI. */
export function ExamplesSection({ origin }: { origin: string }) {
  return (
    <section>
      <h2 id="examples">Examples</h2>
      <h3>curl</h3>
      <pre>
        <code>{curl(origin)}</code>
      </pre>
      <h3>TypeScript, with the typed client</h3>
      <pre>
        <code>{typescript(origin)}</code>
      </pre>
      <h3>TypeScript, raw socket.io</h3>
      <pre>
        <code>{socketExample(origin)}</code>
      </pre>
      <h3>Paint an image from the command line</h3>
      <p>
        Converts the image to the palette (perceptual nearest colour, optional dithering), skips
        transparent pixels and pixels already right, splits into orders and pays them; re-running
        resumes without paying twice (state in <code>.boltboard-draw-*.json</code>).
      </p>
      <pre>
        <code>{CLI}</code>
      </pre>
    </section>
  );
}
